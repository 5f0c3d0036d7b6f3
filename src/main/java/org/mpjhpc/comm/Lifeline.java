package org.mpjhpc.comm;

/**
 * Whether every rank's process is still there. On devices whose ranks are processes of their
 * own (niodev, hybdev across hosts) one of them can die alone, and MPJ Express then either
 * throws on the survivors or leaves them waiting forever; the lifeline notices within
 * seconds and ends the whole job with {@link RankLost#EXIT_CODE}. On the multicore device
 * every rank is a thread of one JVM and {@link #NONE} stands in.
 */
public interface Lifeline {
    /**
     * What the job has saved, for the message when a lost rank ends it: also when rank 0 is
     * stuck inside an MPJ call with the lost ranks (a collective they never joined) and the
     * lifeline ends the job itself.
     */
    default void noteOnLoss(java.util.function.Supplier<String> saved) {
    }

    /** No rank can be lost alone (one process, or a test). */
    Lifeline NONE = new Lifeline() {
        @Override
        public RankLost lost() {
            return null;
        }

        @Override
        public RankLost check() {
            return null;
        }

        @Override
        public void pause() {
        }

        @Override
        public void endIfLost(Throwable cause) {
        }
    };

    /** The ranks known to be gone, or null while all answer; never waits (a job's loop polls it). */
    RankLost lost();

    /**
     * After an operation MPJ could not complete, on rank 0: asks every rank now and returns
     * the ones gone, or null when all answer (then the failure is something else).
     */
    RankLost check();

    /** Stops watching, before the ranks agree to end: a rank that ended must not look lost. */
    void pause();

    /**
     * Ends the job on every rank that still runs when {@code cause} is a lost rank or a
     * broken connection, and does not return then: rank 0 tells the others, says why and
     * reports the exit code; another rank waits for rank 0 to do so. Returns otherwise.
     */
    void endIfLost(Throwable cause);
}
