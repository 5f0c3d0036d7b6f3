package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTableTest {
    private static final ResourceTable.Mode R = ResourceTable.Mode.READ;
    private static final ResourceTable.Mode W = ResourceTable.Mode.WRITE;

    private static List<Integer> who(List<ResourceTable.Grant> grants) {
        return grants.stream().map(ResourceTable.Grant::worker).toList();
    }

    @Test
    void manyReadersOrOneWriterFirstComeFirstServed() {
        ResourceTable t = new ResourceTable();
        t.declare("x", ResourceType.LONG, 5L);
        assertEquals(List.of(0), who(t.request(0, 1, "x", R, 0)));
        assertEquals(List.of(1), who(t.request(1, 2, "x", R, 0)), "readers share");
        assertTrue(t.request(2, 3, "x", W, 0).isEmpty(), "a writer waits for the readers");
        assertTrue(t.request(3, 4, "x", R, 0).isEmpty(), "a later reader does not overtake the writer");
        assertTrue(t.release(0, "x", R, null).isEmpty());
        assertEquals(List.of(2), who(t.release(1, "x", R, null)));
        assertEquals("writer 2", t.holders().get("x"));
        List<ResourceTable.Grant> after = t.release(2, "x", W, 7L);
        assertEquals(List.of(3), who(after));
        assertEquals(7L, after.get(0).value());
        assertEquals(2, after.get(0).version());
    }

    @Test
    void aGrantCarriesTheValueOnlyWhenTheReplicaIsOld() {
        ResourceTable t = new ResourceTable();
        t.declare("x", ResourceType.INT, 1);
        ResourceTable.Grant fresh = t.request(0, 1, "x", R, 1).get(0);
        assertFalse(fresh.withValue());
        assertNull(fresh.value());
        t.release(0, "x", R, null);
        ResourceTable.Grant old = t.request(0, 2, "x", R, 0).get(0);
        assertTrue(old.withValue());
        assertEquals(1, old.value());
        assertEquals(1, t.grantsVersionOnly());
        assertEquals(1, t.grantsWithValue());
    }

    @Test
    void locksOfALostWorkerAreReleasedAndItsRequestsDropped() {
        ResourceTable t = new ResourceTable();
        t.declare("a", ResourceType.INT, 1);
        t.declare("b", ResourceType.INT, 1);
        t.request(0, 1, "a", R, 1);
        t.request(0, 2, "b", W, 1);
        assertTrue(t.request(1, 3, "a", W, 1).isEmpty());
        assertTrue(t.request(0, 4, "a", W, 1).isEmpty());
        List<String> released = new ArrayList<>();
        List<ResourceTable.Grant> grants = t.releaseAll(0, released);
        assertEquals(List.of("a", "b"), released);
        assertEquals(List.of(1), who(grants), "the waiting writer goes on; worker 0's own request is gone");
        assertEquals("writer 1", t.holders().get("a"));
        assertNull(t.holders().get("b"));
    }

    @Test
    void unknownResourceIsRefusedWithAReason() {
        ResourceTable t = new ResourceTable();
        t.declare("total", ResourceType.LONG, 0L);
        ResourceTable.Grant g = t.request(0, 1, "totl", R, 0).get(0);
        assertNotNull(g.error());
        assertTrue(g.error().contains("'totl'") && g.error().contains("total"), g.error());
    }

    @Test
    void typesCheckTheirValues() {
        assertEquals(3, ResourceType.INT.coerce(3L));
        assertEquals(3.0, ResourceType.DOUBLE.coerce(3L));
        assertEquals(List.of(1L, "a", true), ResourceType.LIST.coerce(List.of(1L, "a", true)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResourceType.INT.coerce("x"));
        assertTrue(e.getMessage().contains("expected a whole number"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResourceType.INT.coerce(1L << 40));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResourceType.LIST.coerce(List.of(List.of(1))));
    }
}
