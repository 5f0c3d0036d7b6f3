package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseBarrierTest {
    @Test
    void asksOnlyOnceTheWorkHasSettledAndBroadcastsOnlyOnceAllHaveJoined() {
        PhaseBarrier b = new PhaseBarrier(2);
        assertEquals(PhaseBarrier.Step.NOTHING, b.next(true), "no boundary is due");
        b.reached();
        assertTrue(b.due());
        assertEquals(PhaseBarrier.Step.NOTHING, b.next(false), "a worker still restarting or work in flight");
        assertEquals(PhaseBarrier.Step.ASK_TO_JOIN, b.next(true));
        assertEquals(PhaseBarrier.Step.NOTHING, b.next(true), "asked once");
        b.joined();
        assertTrue(b.joining());
        assertEquals(PhaseBarrier.Step.NOTHING, b.next(true), "one worker is not in the Bcast yet");
        b.joined();
        assertEquals(PhaseBarrier.Step.BROADCAST, b.next(true));
        assertFalse(b.due());
        assertFalse(b.underWay());
        assertEquals(PhaseBarrier.Step.NOTHING, b.next(true), "crossed once");
    }

    @Test
    void aStrayJoinedIsABugNotACount() {
        PhaseBarrier b = new PhaseBarrier(1);
        assertThrows(IllegalStateException.class, b::joined);
    }
}
