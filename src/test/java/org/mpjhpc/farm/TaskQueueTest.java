package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskQueueTest {
    private static List<Integer> drain(TaskQueue q) {
        List<Integer> ids = new ArrayList<>();
        while (!q.isEmpty()) {
            ids.add(q.pollFirst().id());
        }
        return ids;
    }

    @Test
    void longestFirstOrdersFreshTasksByCostButRequeuedOnesGoFirst() {
        TaskQueue q = new TaskQueue(true);
        q.addLast(new TaskSpec(0, 1, new TaskKind.Sleep(10)));
        q.addLast(new TaskSpec(1, 1, new TaskKind.Sleep(300)));
        q.addLast(new TaskSpec(2, 1, new TaskKind.Noop()));
        q.addLast(new TaskSpec(3, 1, new TaskKind.Spin(40)));
        q.addLast(new TaskSpec(4, 1, new TaskKind.Noop()));
        q.addFirst(new TaskSpec(9, 2, new TaskKind.Sleep(1)));
        assertEquals(6, q.size());
        assertEquals(List.of(9, 1, 3, 0, 2, 4), drain(q));
    }

    @Test
    void fifoKeepsSubmissionOrder() {
        TaskQueue q = new TaskQueue(false);
        q.addLast(new TaskSpec(0, 1, new TaskKind.Sleep(10)));
        q.addLast(new TaskSpec(1, 1, new TaskKind.Sleep(300)));
        q.addFirst(new TaskSpec(7, 2, new TaskKind.Noop()));
        assertEquals(List.of(7, 0, 1), drain(q));
    }
}
