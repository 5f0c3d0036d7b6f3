package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBookTest {
    private static Outcome done(int attempt, int worker, String result) {
        return new Outcome(0, attempt, worker, true, result, null, 1, 2);
    }

    @Test
    void aLateResultOfAnEarlierAttemptIsRecordedOnceAndSurvivesLaterRequeues() throws Exception {
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
        List<TaskBook.Entry> entries = new ArrayList<>();
        book.forEach(entries::add);
        TaskBook.Entry e = entries.get(0);
        assertEquals("late", e.result);
        assertEquals(0, e.worker);
        assertEquals(3, e.attempts);
        assertEquals(TaskBook.Status.DONE, e.status);
    }

    @Test
    void finishedTasksLeaveMemoryAndComeBackInIdOrderWhateverTheOrderTheyFinished() throws Exception {
        TaskBook book = new TaskBook();
        int n = 5000;
        List<Integer> order = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            book.add(new TaskSpec(id, 1, new TaskKind.Fib(10)));
            order.add(id);
        }
        java.util.Collections.shuffle(order, new java.util.Random(7));
        String big = "x".repeat(3 << 20); // larger than the reader's window
        for (int id : order.subList(0, n - 10)) { // ten stay open
            String result = id == 17 ? big : id % 7 == 0 ? null : id % 5 == 0 ? "ünï " + id : Long.toString(55);
            book.record(new Outcome(id, 1, id % 3, id % 7 != 0, result, id % 7 == 0 ? "boom " + id : null, id, id + 1));
        }
        assertEquals(n - 10, book.recorded());
        assertEquals(n / 7 + 1 - countOpen(order, n, 7), book.failed());
        List<TaskBook.Entry> all = new ArrayList<>();
        book.forEach(all::add);
        assertEquals(n, all.size());
        java.util.Set<Integer> open = new java.util.HashSet<>(order.subList(n - 10, n));
        for (int id = 0; id < n; id++) {
            TaskBook.Entry e = all.get(id);
            assertEquals(id, e.id);
            assertEquals("fib", e.type());
            if (open.contains(id)) {
                assertEquals(TaskBook.Status.QUEUED, e.status);
                continue;
            }
            String want = id == 17 ? big : id % 7 == 0 ? null : id % 5 == 0 ? "ünï " + id : "55";
            assertEquals(want, e.result, "task " + id);
            assertEquals(id % 7 == 0 ? "boom " + id : null, e.error);
            assertEquals(id % 3, e.worker);
            assertEquals(id + 1, e.endMs);
        }
        book.discard();
    }

    private static long countOpen(List<Integer> order, int n, int every) {
        return order.subList(n - 10, n).stream().filter(id -> id % every == 0).count();
    }

    @Test
    void whenTheFileCannotBeWrittenNoFinishedRecordIsLost() throws Exception {
        TaskBook book = new TaskBook();
        int n = 4000; // records of about 50 bytes: the 64 KB buffer is written out several times
        for (int id = 0; id < n; id++) {
            book.add(new TaskSpec(id, 1, new TaskKind.Noop()));
        }
        java.lang.reflect.Field spill = TaskBook.class.getDeclaredField("spill");
        spill.setAccessible(true);
        java.lang.reflect.Field channel = FinishedTasks.class.getDeclaredField("channel");
        channel.setAccessible(true);
        for (int id = 0; id < n; id++) {
            if (id == n / 2) { // the disk "fills up": the next write fails
                ((java.nio.channels.FileChannel) channel.get(spill.get(book))).close();
            }
            assertTrue(book.record(new Outcome(id, 1, 0, true, "r" + id, null, id, id)));
        }
        assertTrue(book.storageFailure() != null, "the failure is known");
        assertFalse(book.record(new Outcome(n - 1, 1, 0, true, "again", null, 0, 0)), "still recorded once");
        List<TaskBook.Entry> all = new ArrayList<>();
        book.forEach(all::add);
        assertEquals(n, all.size());
        for (int id = 0; id < n; id++) {
            assertEquals(id, all.get(id).id);
            assertEquals("r" + id, all.get(id).result, "task " + id);
        }
        assertEquals(n, book.recorded());
    }
}
