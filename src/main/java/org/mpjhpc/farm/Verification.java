package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-run check against known answers: every task recorded exactly once, the
 * workers' own counters (summed by {@code Reduce}) agreeing with the master's book, and
 * every Fibonacci result equal to the value computed another way.
 */
record Verification(boolean passed, List<String> checks) {

    static Verification of(FarmRun run, long[] workerCompleted) {
        List<String> checks = new ArrayList<>();
        boolean ok = true;
        TaskBook book = run.book();
        // Every submitted task, from the timeline or the control endpoint, is in the book.
        long total = book.entries().size();
        long recorded = book.entries().stream().filter(TaskBook.Entry::finished).count();
        boolean once = recorded == total && book.finished() == total && book.entries().size() == total;
        ok &= once;
        checks.add((once ? "ok" : "FAIL") + ": " + recorded + "/" + total + " tasks recorded exactly once");
        long reduced = 0;
        for (long c : workerCompleted) {
            reduced += c;
        }
        long runs = book.finished() - book.givenUp() + book.duplicates();
        boolean agree = reduced == runs;
        ok &= agree;
        checks.add((agree ? "ok" : "FAIL") + ": workers report " + reduced + " run(s) by Reduce, master received " + runs);
        long fibs = 0;
        long wrong = 0;
        for (TaskBook.Entry e : book.entries()) {
            if (e.kind instanceof TaskKind.Fib f && e.status == TaskBook.Status.DONE) {
                fibs++;
                if (!Long.toString(Kernels.fibIterative(f.n())).equals(e.result)) {
                    wrong++;
                }
            }
        }
        ok &= wrong == 0;
        checks.add((wrong == 0 ? "ok" : "FAIL") + ": " + (fibs - wrong) + "/" + fibs + " fib results match the iterative values");
        return new Verification(ok, checks);
    }
}
