package org.mpjhpc.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a run checked against what must hold whatever the data: each check passes or
 * fails, and the run passes only if all do. Every job ends with its {@link #line} and
 * writes it into its report, so the VERIFY line reads the same everywhere.
 */
public final class Verdict {
    private final List<String> checks = new ArrayList<>();
    private boolean passed = true;

    /** Records one check, {@code what} saying what was compared; returns whether it passed. */
    public boolean check(boolean ok, String what) {
        checks.add((ok ? "ok: " : "FAILED: ") + what);
        passed &= ok;
        return ok;
    }

    public boolean passed() {
        return passed;
    }

    /** The checks as recorded, each starting with {@code ok:} or {@code FAILED:}. */
    public List<String> checks() {
        return Collections.unmodifiableList(checks);
    }

    /** {@code VERIFY PASS: ok: ...; ok: ...}, or {@code VERIFY FAIL: ...}. */
    public String line() {
        return "VERIFY " + (passed ? "PASS" : "FAIL") + ": " + String.join("; ", checks);
    }

    /** {@code "verified"} and {@code "checks"} in a report. */
    public void writeTo(JsonObject report) {
        report.put("verified", passed);
        JsonArray list = report.putArray("checks");
        checks.forEach(list::add);
    }

    /** 0 when every check passed, else 1 (the job failed). */
    public int exitCode() {
        return passed ? 0 : 1;
    }
}
