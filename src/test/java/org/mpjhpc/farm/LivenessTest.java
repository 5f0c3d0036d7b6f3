package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final long MS = 1_000_000L;

    @Test
    void silenceMakesSuspectThenDeadAndAMessageRevivesASuspect() {
        Liveness l = new Liveness(3, 2, 100, 1000, 0);
        List<Integer> suspect = new ArrayList<>();
        l.heard(0, 10 * MS);
        assertTrue(l.check(150 * MS, suspect).isEmpty());
        assertTrue(suspect.isEmpty());
        l.heard(1, 150 * MS);
        assertTrue(l.check(250 * MS, suspect).isEmpty());
        assertEquals(List.of(0), suspect);
        assertEquals(Liveness.State.SUSPECT, l.state(0));
        assertTrue(l.heard(0, 300 * MS));
        assertEquals(Liveness.State.ALIVE, l.state(0));
        suspect.clear();
        assertEquals(List.of(1), l.check(1151 * MS, suspect));
        assertEquals(Liveness.State.DEAD, l.state(1));
        assertTrue(l.check(2000 * MS, suspect).contains(0));
        assertTrue(l.check(3000 * MS, new ArrayList<>()).isEmpty(), "a dead worker dies once");
        assertEquals(Liveness.State.OFF, l.state(2), "standby workers are not watched");
        l.watch(1, 3000 * MS);
        assertEquals(Liveness.State.ALIVE, l.state(1), "a restarted worker is watched again");
        assertEquals(List.of(1), l.check((4001 + Liveness.STARTUP_GRACE_MS) * MS, new ArrayList<>()));
    }

    @Test
    void aWorkerHeldInACollectiveIsNotCheckedAndCountsFromItsEnd() {
        Liveness l = new Liveness(2, 2, 100, 1000, 0);
        l.heard(0, 0);
        l.heard(1, 0);
        l.hold(0);
        List<Integer> suspect = new ArrayList<>();
        assertEquals(List.of(1), l.check(1500 * MS, suspect), "the worker not held dies");
        assertEquals(Liveness.State.ALIVE, l.state(0), "the held one is not checked");
        assertTrue(suspect.isEmpty());
        l.resume(2000 * MS);
        assertTrue(l.check(2150 * MS, suspect).isEmpty(), "counted from the end of the collective");
        assertEquals(List.of(0), l.check(3001 * MS, suspect), "and checked again after it");
    }

    @Test
    void aWorkerNotHeardSinceItStartedIsNotSuspectAndDiesAfterTheGrace() {
        Liveness l = new Liveness(1, 1, 100, 1000, 0);
        long grace = Liveness.STARTUP_GRACE_MS;
        List<Integer> suspect = new ArrayList<>();
        assertTrue(l.check((1000 + grace) * MS, suspect).isEmpty());
        assertTrue(suspect.isEmpty(), "starting up: no warning yet");
        assertEquals(List.of(0), l.check((1001 + grace) * MS, suspect), "but timeout and grace hold");
        l.watch(0, 10_000 * MS);
        assertTrue(l.check(12_000 * MS, suspect).isEmpty() && suspect.isEmpty(), "a restarted worker starts again");
        l.heard(0, 12_100 * MS);
        l.check(12_301 * MS, suspect);
        assertEquals(List.of(0), suspect, "heard once, silence is suspect again");
        assertEquals(List.of(0), l.check(13_101 * MS, suspect), "and the timeout alone holds");
    }
}
