package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The job's requests unrolled in time: each request submits its task {@code times}
 * times and waits {@code sleep_ms} after each submission, in file order. Task ids are
 * given in submission order, starting at 0. Pure logic, driven by the master's clock.
 */
final class Timeline {
    /** One task entering the farm, pinned to a worker or not. */
    record Submission(TaskSpec task, int worker) {
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
    List<Submission> due(long nowMs) {
        List<Submission> out = new ArrayList<>();
        while (!done() && nowMs >= dueAtMs) {
            Request r = requests.get(request);
            out.add(new Submission(new TaskSpec(nextId++, 1, r.task()), r.worker()));
            if (r.sleepMs() > 0) {
                dueAtMs = nowMs + r.sleepMs();
            }
            repeat++;
            skipEmpty();
        }
        return out;
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
