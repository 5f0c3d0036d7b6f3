package org.mpjhpc.farm;

import java.io.Serializable;

/**
 * How a farm run outlives a crash or a stop: its journal, whether it goes on from an
 * earlier run's, how long running tasks may finish after a stop signal, and the watchdog.
 *
 * @param sync            when the journal is forced to the disk ({@code journal.sync})
 * @param flushMs         the journal writer's batch interval ({@code journal.flush_ms})
 * @param resume          {@code --resume} found a journal to go on from
 * @param shutdownGraceMs after SIGTERM or SIGINT, how long running tasks may finish
 * @param watchdogMs      no task finished for this long: the job is hung (0: no watchdog)
 */
record Durability(Journal.Sync sync, long flushMs, boolean resume, long shutdownGraceMs, long watchdogMs)
        implements Serializable {
}
