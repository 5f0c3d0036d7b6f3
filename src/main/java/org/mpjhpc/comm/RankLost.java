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

    /** @param gone each lost rank as "rank R on HOST" */
    public RankLost(List<String> gone, String how) {
        super(text(gone, how));
        this.gone = List.copyOf(gone);
    }

    private RankLost(List<String> gone, String message, boolean withNote) {
        super(message);
        this.gone = gone;
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

    /** The same loss, with what the job saved for a later run. */
    public RankLost withNote(String note) {
        RankLost noted = new RankLost(gone, getMessage() + ". " + note, true);
        noted.setStackTrace(getStackTrace());
        return noted;
    }
}
