package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's requests unrolled in time: each request does its action {@code times} times
 * and waits {@code sleep_ms} after each, in file order. Task ids are given in submission
 * order, starting at 0. Pure logic, driven by the master's clock.
 */
final class Timeline {
    /**
     * One action that is due; {@code task} is the new task for a submission, else null.
     * {@code request} and {@code repeat} say where in the timeline it stands.
     */
    record Due(Action action, TaskSpec task, int request, int repeat) {
        int worker() {
            return ((Action.Submit) action).worker();
        }
    }

    private final List<Request> requests;
    private int request;
    private int repeat;
    private int nextId;
    private long dueAtMs;

    Timeline(List<Request> requests) {
        this.requests = requests;
        skipEmpty();
    }

    /** Every submission due at {@code nowMs}, in order. */
    List<Due> due(long nowMs) {
        return due(nowMs, Integer.MAX_VALUE);
    }

    /**
     * What is due at {@code nowMs}, at most {@code room} actions: the rest stays in the
     * timeline, unexpanded, until the queue has room (a million repeats are not a million
     * objects at once).
     */
    List<Due> due(long nowMs, int room) {
        List<Due> out = new ArrayList<>();
        while (!done() && nowMs >= dueAtMs && out.size() < room) {
            Request r = requests.get(request);
            TaskSpec task = r.action() instanceof Action.Submit s ? newTask(s) : null;
            out.add(new Due(r.action(), task, request, repeat));
            if (r.sleepMs() > 0) {
                dueAtMs = nowMs + r.sleepMs();
            }
            repeat++;
            skipEmpty();
            if (r.action() instanceof Action.Phase) {
                break; // what follows a phase boundary waits until the master has crossed it
            }
        }
        return out;
    }

    /**
     * Goes on from where an earlier run stopped: request {@code request}, its repetition
     * {@code repeat}, with {@code tasks} ids already given. What was due before is skipped.
     */
    void resumeAt(int request, int repeat, int tasks) {
        this.request = request;
        this.repeat = repeat;
        this.nextId = tasks;
        skipEmpty();
    }

    /** A new task with the next id: timeline and control endpoint share one numbering. */
    TaskSpec newTask(Action.Submit submit) {
        return new TaskSpec(nextId++, 1, submit.task(), submit.timeoutMs());
    }

    private void skipEmpty() {
        while (request < requests.size() && repeat >= requests.get(request).times()) {
            request++;
            repeat = 0;
        }
    }

    /** True once every request has been submitted. */
    boolean done() {
        return request >= requests.size();
    }
}
