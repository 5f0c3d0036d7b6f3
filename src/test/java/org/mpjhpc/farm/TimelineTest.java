package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    @Test
    void requestsUnrollInOrderWithDenseIdsAndSleeps() {
        TaskKind fib = new TaskKind.Fib(5);
        Timeline t = new Timeline(List.of(
                new Request(2, 0, new Action.Submit(fib, Request.ANY_WORKER)),
                new Request(0, 0, new Action.Submit(fib, Request.ANY_WORKER)),
                new Request(2, 100, new Action.Submit(new TaskKind.Noop(), 1)),
                new Request(1, 0, new Action.AddWorker(3)),
                new Request(1, 0, new Action.Submit(fib, Request.ANY_WORKER))));
        List<Timeline.Due> first = t.due(0);
        assertEquals(3, first.size(), "two at once, then the first of the sleeping request");
        assertEquals(List.of(0, 1, 2), first.stream().map(s -> s.task().id()).toList());
        assertEquals(1, first.get(2).worker());
        assertTrue(t.due(99).isEmpty(), "sleeps 100 ms after a submission");
        assertEquals(List.of(3), t.due(100).stream().map(s -> s.task().id()).toList());
        List<Timeline.Due> last = t.due(200);
        assertEquals(new Action.AddWorker(3), last.get(0).action());
        assertEquals(null, last.get(0).task());
        assertEquals(4, last.get(1).task().id(), "ids count tasks only");
        assertTrue(t.done());
    }

    @Test
    void nothingAfterAPhaseBoundaryIsReleasedUntilTheMasterAsksAgain() {
        Timeline t = new Timeline(List.of(
                new Request(1, 0, new Action.Submit(new TaskKind.Noop(), Request.ANY_WORKER)),
                new Request(1, 0, new Action.Phase("p")),
                new Request(1, 0, new Action.Submit(new TaskKind.Noop(), Request.ANY_WORKER))));
        List<Timeline.Due> first = t.due(0);
        assertEquals(2, first.size());
        assertEquals(new Action.Phase("p"), first.get(1).action());
        assertEquals(1, t.due(0).size());
        assertTrue(t.done());
    }
}
