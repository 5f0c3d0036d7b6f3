package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static TaskSpec task(int id) {
        return new TaskSpec(id, 1, new TaskKind.Noop());
    }

    /** Worker of each task, in dispatch order. */
    private static List<Integer> order(Map<Integer, List<TaskSpec>> batches, int tasks) {
        int[] where = new int[tasks];
        batches.forEach((w, list) -> list.forEach(t -> where[t.id()] = w));
        List<Integer> out = new ArrayList<>();
        for (int w : where) {
            out.add(w);
        }
        return out;
    }

    @Test
    void seedTest1RoundRobinSkipsFullWorker() {
        Scheduler s = new Scheduler(List.of(3, 4, 5));
        for (int i = 0; i < 11; i++) {
            s.submit(task(i));
        }
        Map<Integer, List<TaskSpec>> batches = s.assign();
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 2), order(batches, 11));
        assertEquals(3, s.assigned(0));
        assertEquals(4, s.assigned(1));
        assertEquals(4, s.assigned(2));
        assertEquals(0, s.queued());
    }

    @Test
    void tasksWaitWhenEveryWorkerIsFullAndFlowWhenOneFrees() {
        Scheduler s = new Scheduler(List.of(1, 1));
        for (int i = 0; i < 3; i++) {
            s.submit(task(i));
        }
        assertEquals(2, s.assign().values().stream().mapToInt(List::size).sum());
        assertEquals(1, s.queued());
        assertTrue(s.assign().isEmpty());
        assertTrue(s.complete(1, 1));
        assertEquals(Map.of(1, List.of(task(2))), s.assign());
        assertFalse(s.drained());
        s.complete(0, 0);
        s.complete(1, 2);
        assertTrue(s.drained());
    }

    @Test
    void pinnedTasksGoOnlyToTheirWorkerAndRespectItsCapacity() {
        Scheduler s = new Scheduler(List.of(2, 2));
        for (int i = 0; i < 3; i++) {
            s.submitTo(1, task(i));
        }
        Map<Integer, List<TaskSpec>> batches = s.assign();
        assertEquals(List.of(task(0), task(1)), batches.get(1));
        assertFalse(batches.containsKey(0));
        assertEquals(1, s.queued());
    }

    @Test
    void aLateDuplicateIsNotCountedAsCompletion() {
        Scheduler s = new Scheduler(List.of(2));
        s.submit(task(0));
        s.assign();
        assertTrue(s.complete(0, 0));
        assertFalse(s.complete(0, 0));
    }

    @Test
    void failedWorkerTasksReturnToTheHeadInOrderWithNextAttempt() {
        Scheduler s = new Scheduler(List.of(2, 2));
        for (int i = 0; i < 5; i++) {
            s.submit(task(i));
        }
        s.assign(); // 0->w0, 1->w1, 2->w0, 3->w1; 4 waits
        List<TaskSpec> back = s.fail(0);
        assertEquals(List.of(0, 2), back.stream().map(TaskSpec::id).toList());
        assertFalse(s.alive(0));
        s.complete(1, 1);
        s.complete(1, 3);
        Map<Integer, List<TaskSpec>> batches = s.assign();
        assertEquals(List.of(new TaskSpec(0, 2, new TaskKind.Noop()), new TaskSpec(2, 2, new TaskKind.Noop())),
                batches.get(1));
        assertFalse(batches.containsKey(0));
        assertEquals(1, s.queued());
    }
}
