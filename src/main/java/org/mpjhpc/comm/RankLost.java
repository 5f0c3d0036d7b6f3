package org.mpjhpc.comm;

import java.util.List;

/**
 * Ranks whose processes are gone (killed, crashed, their host down): MPJ Express cannot go on
 * without them, so the job ends with {@link #EXIT_CODE} and this message, which names the
 * ranks and their hosts. A workload adds what it saved ({@link #withNote}).
 */
public final class RankLost extends RuntimeException {
    /** The exit code of a job that lost a rank. */
    public static final int EXIT_CODE = 6;

    private final List<String> gone;
    private final boolean noted;

    /** @param gone each lost rank as "rank R on HOST" */
    public RankLost(List<String> gone, String how) {
        super(text(gone, how));
        this.gone = List.copyOf(gone);
        this.noted = false;
    }

    private RankLost(List<String> gone, String message, boolean noted) {
        super(message);
        this.gone = gone;
        this.noted = noted;
    }

    private static String text(List<String> gone, String how) {
        boolean one = gone.size() == 1;
        return String.join(", ", gone) + (one ? " is" : " are") + " gone (" + how + "); MPJ Express cannot go on without "
                + (one ? "it" : "them") + ", so the job ends";
    }

    /** The lost ranks, each as "rank R on HOST". */
    public List<String> gone() {
        return gone;
    }

    /** The same loss, with what the job saved for a later run (once: a noted loss is returned as it is). */
    public RankLost withNote(String note) {
        if (noted) {
            return this;
        }
        RankLost withIt = new RankLost(gone, getMessage() + ". " + note, true);
        withIt.setStackTrace(getStackTrace());
        return withIt;
    }

    /**
     * With the note {@code saved} gives, unless it has one; as it is when {@code saved} is
     * null or fails (it reads a job's state from another thread, for a message only).
     */
    public RankLost withNote(java.util.function.Supplier<String> saved) {
        if (noted || saved == null) {
            return this;
        }
        try {
            return withNote(saved.get());
        } catch (RuntimeException e) {
            return this;
        }
    }
}
