package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskBookTest {
    private static Outcome done(int attempt, int worker, String result) {
        return new Outcome(0, attempt, worker, true, result, null, 1, 2);
    }

    @Test
    void aLateResultOfAnEarlierAttemptIsRecordedOnceAndSurvivesLaterRequeues() {
        TaskBook book = new TaskBook();
        TaskSpec first = new TaskSpec(0, 1, new TaskKind.Noop());
        book.add(first);
        book.dispatched(first, 0);
        book.requeued(first);                       // worker 0 declared dead
        book.dispatched(new TaskSpec(0, 2, first.kind()), 1);
        assertTrue(book.record(done(1, 0, "late")));  // worker 0 wakes up and delivers
        book.requeued(new TaskSpec(0, 2, first.kind()));  // worker 1 declared dead too
        book.dispatched(new TaskSpec(0, 3, first.kind()), 2);
        assertFalse(book.record(done(3, 2, "again")));
        assertEquals(1, book.finished());
        assertEquals(1, book.duplicates());
        TaskBook.Entry e = book.entries().get(0);
        assertEquals("late", e.result);
        assertEquals(0, e.worker);
        assertEquals(3, e.attempts);
        assertEquals(TaskBook.Status.DONE, e.status);
    }
}
