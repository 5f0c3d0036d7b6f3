package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.log.Log;

/**
 * The master's nonblocking sends to workers: each is started at once and kept until it
 * completes, so the event loop never waits on one worker.
 */
final class Outbox {
    private final Comm comm;
    private final List<Comm.Pending> sends = new ArrayList<>();

    Outbox(Comm comm) {
        this.comm = comm;
    }

    void send(int worker, FarmTag tag, byte[] data) {
        sends.add(comm.isend(worker + 1, tag, data));
    }

    /** Sends each lock grant to its worker. */
    void grant(List<ResourceTable.Grant> grants) {
        for (ResourceTable.Grant g : grants) {
            send(g.worker(), FarmTag.GRANT, Protocol.grant(g));
            Log.debug("lock on '" + g.name() + "' granted to worker " + g.worker()
                    + (g.withValue() ? " with its value" : " (version only)"));
        }
    }

    /** Forgets the sends that have completed. */
    void reap() {
        sends.removeIf(Comm.Pending::done);
    }

    /** Waits for every send still under way. */
    void flush() {
        sends.forEach(Comm.Pending::await);
        sends.clear();
    }
}
