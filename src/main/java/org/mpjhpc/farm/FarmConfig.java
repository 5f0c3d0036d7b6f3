package org.mpjhpc.farm;

import java.util.List;
import org.mpjhpc.config.Settings;

/**
 * The validated {@code farm:} section of a job.
 *
 * @param capacities         per initial worker, how many tasks it may hold (queued and running)
 * @param standby            extra ranks that wait until the timeline adds them as workers
 * @param stealing           whether idle workers take queued tasks from busy ones
 * @param longestFirst       serve the master queue longest task first (by estimated cost)
 * @param workerThreads      how many tasks a worker runs at the same time
 * @param heartbeatMs        how often a worker reports that it is alive
 * @param heartbeatTimeoutMs silence after which the master declares a worker dead
 * @param resources          the shared resources declared at the start
 * @param requests           the timeline, in order
 * @param control            the live HTTP control endpoint
 * @param maxAttempts        runs of a task that may end in its worker's death before it is failed
 * @param durability         journal, resume, shutdown grace and watchdog
 */
public record FarmConfig(List<Integer> capacities, int standby, boolean stealing, boolean longestFirst,
        int workerThreads, long heartbeatMs,
        long heartbeatTimeoutMs, List<Action.DeclareResource> resources, List<Request> requests,
        ControlConfig control, int maxAttempts, Durability durability) implements Settings {

    /** Number of worker ranks the job needs, standby ones included. */
    public int workers() {
        return capacities.size() + standby;
    }

    @Override
    public String describeWorkers() {
        return capacities.size() + " worker capacities" + (standby > 0 ? " and " + standby + " standby" : "");
    }

    /**
     * What a journal records of this config, one line each, so that a resumed run can be
     * checked against the run it continues: the timeline, the resources and attempts.
     * Capacities, threads and timeouts may change between runs (fewer hosts, say).
     */
    java.util.List<String> journalLines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("max_attempts: " + maxAttempts);
        for (int i = 0; i < resources.size(); i++) {
            lines.add("resources[" + i + "]: " + resources.get(i));
        }
        for (int i = 0; i < requests.size(); i++) {
            lines.add("requests[" + i + "]: " + requests.get(i));
        }
        return lines;
    }

    /** The same job, going on from the journal in its folder. */
    FarmConfig resuming() {
        Durability d = durability;
        return new FarmConfig(capacities, standby, stealing, longestFirst, workerThreads, heartbeatMs,
                heartbeatTimeoutMs, resources, requests, control, maxAttempts,
                new Durability(d.sync(), d.flushMs(), true, d.shutdownGraceMs(), d.watchdogMs()));
    }

    /** Total number of tasks the requests submit. */
    public long totalTasks() {
        return requests.stream().filter(r -> r.action() instanceof Action.Submit).mapToLong(Request::times).sum();
    }
}
