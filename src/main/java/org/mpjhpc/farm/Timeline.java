package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's requests unrolled in time: each request does its action {@code times} times
 * and waits {@code sleep_ms} after each, in file order. Task ids are given in submission
 * order, starting at 0. Pure logic, driven by the master's clock.
 */
final class Timeline {
    /** One action that is due; {@code task} is the new task for a submission, else null. */
    record Due(Action action, TaskSpec task) {
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
        List<Due> out = new ArrayList<>();
        while (!done() && nowMs >= dueAtMs) {
            Request r = requests.get(request);
            if (r.action() instanceof Action.Submit s) {
                out.add(new Due(s, newTask(s.task())));
            } else {
                out.add(new Due(r.action(), null));
            }
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

    /** A new task with the next id: timeline and control endpoint share one numbering. */
    TaskSpec newTask(TaskKind kind) {
        return new TaskSpec(nextId++, 1, kind);
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
