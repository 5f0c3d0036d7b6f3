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
                new Request(2, 0, Request.ANY_WORKER, fib),
                new Request(0, 0, Request.ANY_WORKER, fib),
                new Request(2, 100, 1, new TaskKind.Noop()),
                new Request(1, 0, Request.ANY_WORKER, fib)));
        List<Timeline.Submission> first = t.due(0);
        assertEquals(3, first.size(), "two at once, then the first of the sleeping request");
        assertEquals(List.of(0, 1, 2), first.stream().map(s -> s.task().id()).toList());
        assertEquals(1, first.get(2).worker());
        assertTrue(t.due(99).isEmpty(), "sleeps 100 ms after a submission");
        assertEquals(List.of(3), t.due(100).stream().map(s -> s.task().id()).toList());
        assertEquals(List.of(4), t.due(200).stream().map(s -> s.task().id()).toList());
        assertTrue(t.done());
    }
}
