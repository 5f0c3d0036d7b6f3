package org.mpjhpc.farm;

import java.util.List;
import org.mpjhpc.output.Verdict;

/**
 * The end-of-run check against known answers: every task recorded exactly once, the
 * workers' own counters (summed by {@code Reduce}) agreeing with the master's book, and
 * every Fibonacci result equal to the value computed another way.
 */
record Verification(boolean passed, List<String> checks, String line) {

    /** @param workerCompleted the workers' counts summed by Reduce; null when a lost rank prevented it */
    static Verification of(FarmRun run, long[] workerCompleted) {
        Verdict v = new Verdict();
        TaskBook book = run.book();
        // Every submitted task, from the timeline or the control endpoint, is in the book.
        long total = book.size();
        long recorded = book.recorded();
        String split = run.config().durability().resume() ? " (" + book.restored() + " results from the journal, "
                + (book.finished() - book.restored()) + " run now)" : "";
        v.check(recorded == total && book.finished() == total && book.restored() == run.journaled(),
                recorded + "/" + total + " tasks recorded exactly once" + split);
        long runs = book.finished() - book.restored() - book.givenUp() + book.duplicates();
        if (workerCompleted == null) {
            v.check(false, "no Reduce of the workers' counts: a rank was lost (master received " + runs + ")");
        } else {
            long reduced = 0;
            for (long c : workerCompleted) {
                reduced += c;
            }
            v.check(reduced == runs, "workers report " + reduced + " run(s) by Reduce, master received " + runs);
        }
        long fibs = book.fibChecks()[0];
        long wrong = book.fibChecks()[1];
        v.check(wrong == 0, (fibs - wrong) + "/" + fibs + " fib results match the iterative values");
        return new Verification(v.passed(), v.checks(), v.line());
    }
}
