package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpjhpc.comm.Backoff;

class BackoffTest {
    @Test
    void doublesUpToTheCapAndResets() {
        Backoff b = new Backoff(10, 50);
        assertEquals(10, b.advance());
        assertEquals(20, b.advance());
        assertEquals(40, b.advance());
        assertEquals(50, b.advance());
        assertEquals(50, b.advance());
        b.reset();
        assertEquals(10, b.nextNanos());
    }
}
