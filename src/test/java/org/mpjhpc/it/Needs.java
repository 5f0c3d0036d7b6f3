package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What an integration test needs from the machine (root, packages). Where it is missing the
 * test is skipped with the reason, printed, unless {@code MPJHPC_REQUIRE_ALL=1} (CI sets it,
 * having installed everything): then a missing piece fails the test instead of hiding it.
 */
final class Needs {
    private Needs() {
    }

    static void need(boolean present, String what) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("MPJHPC_REQUIRE_ALL"))) {
            fail("MPJHPC_REQUIRE_ALL=1 but this machine lacks: " + what);
        }
        System.err.println("SKIPPED: " + what);
        Assumptions.abort(what);
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (new java.io.File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
