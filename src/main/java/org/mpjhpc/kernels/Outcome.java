package org.mpjhpc.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a kernel did on this rank: its checks (the root's are the job's), seconds per phase, and figures for the report. */
final class Outcome {
    record Check(boolean ok, String what) {
    }

    final List<Check> checks = new ArrayList<>();
    final Map<String, Double> phases = new LinkedHashMap<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    Outcome check(boolean ok, String what) {
        checks.add(new Check(ok, what));
        return this;
    }

    /** Ends a phase begun at the previous mark. */
    void phase(String name) {
        long now = System.nanoTime();
        phases.merge(name, (now - mark) / 1e9, Double::sum);
        mark = now;
    }

    /** Restarts the clock (what came before belongs to no phase). */
    void restart() {
        mark = System.nanoTime();
    }
}
