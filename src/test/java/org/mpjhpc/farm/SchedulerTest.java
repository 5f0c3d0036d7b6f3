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
        Scheduler s = new Scheduler(List.of(3, 4, 5), 0);
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
        Scheduler s = new Scheduler(List.of(1, 1), 0);
        for (int i = 0; i < 3; i++) {
            s.submit(task(i));
        }
        assertEquals(2, s.assign().values().stream().mapToInt(List::size).sum());
        assertEquals(1, s.queued());
        assertTrue(s.assign().isEmpty());
        assertTrue(s.complete(1, 1, 1));
        assertEquals(Map.of(1, List.of(task(2))), s.assign());
        assertFalse(s.drained());
        s.complete(0, 0, 1);
        s.complete(1, 2, 1);
        assertTrue(s.drained());
    }

    @Test
    void pinnedTasksGoOnlyToTheirWorkerAndRespectItsCapacity() {
        Scheduler s = new Scheduler(List.of(2, 2), 0);
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
        Scheduler s = new Scheduler(List.of(2), 0);
        s.submit(task(0));
        s.assign();
        assertTrue(s.complete(0, 0, 1));
        assertFalse(s.complete(0, 0, 1));
    }

    @Test
    void onlyTheHeldAttemptFreesTheSlot() {
        Scheduler s = new Scheduler(List.of(1, 1), 0);
        s.submit(task(0));
        s.assign();
        s.fail(0);
        s.assign(); // attempt 2 of task 0 goes to worker 1
        assertFalse(s.complete(0, 0, 1), "the lost worker's late run frees nothing");
        assertFalse(s.complete(1, 0, 1), "an earlier attempt is not the one worker 1 holds");
        assertTrue(s.complete(1, 0, 2));
        assertTrue(s.drained());
    }

    @Test
    void restartedWorkerTakesWorkAgainWithItsCapacity() {
        Scheduler s = new Scheduler(List.of(2, 2), 0);
        s.fail(0);
        assertEquals(Scheduler.State.RESTARTING, s.state(0));
        for (int i = 0; i < 4; i++) {
            s.submit(task(i));
        }
        assertEquals(List.of(1), List.copyOf(s.assign().keySet()), "no work while restarting");
        s.ready(0);
        assertEquals(2, s.assign().get(0).size());
        assertEquals(1, s.failures(0));
    }

    @Test
    void standbyWorkersJoinWhenAddedAndStoppedOnesGiveTheirWorkBack() {
        Scheduler s = new Scheduler(List.of(1), 2);
        for (int i = 0; i < 3; i++) {
            s.submit(task(i));
        }
        assertEquals(Map.of(0, List.of(task(0))), s.assign());
        assertEquals(1, s.activate(4));
        assertEquals(Map.of(1, List.of(task(1), task(2))), s.assign());
        List<TaskSpec> back = s.deactivate(1);
        assertEquals(List.of(1, 2), back.stream().map(TaskSpec::id).toList());
        assertEquals(Scheduler.State.STOPPED, s.state(1));
        assertEquals(2, s.activate(1), "a standby rank is used before a stopped one");
        assertEquals(1, s.activate(3), "then a stopped one");
        assertEquals(-1, s.activate(3));
    }

    @Test
    void seedTest5IdleWorkersStealFromTheBusyOnesBacklog() {
        Scheduler s = new Scheduler(List.of(5, 5, 5), 0);
        for (int i = 0; i < 7; i++) {
            s.submitTo(0, task(i));
        }
        assertEquals(5, s.assign().get(0).size());
        // tasks 5 and 6 still wait here for worker 0: idle workers take them at once
        assertTrue(s.steal(1).isEmpty());
        Map<Integer, List<TaskSpec>> moved = s.assign();
        assertEquals(List.of(task(6)), moved.get(1));
        assertEquals(List.of(task(5)), moved.get(2));
        assertEquals(1, s.stolen(1));
        s.complete(1, 6, 1);
        // now worker 1 is idle and worker 0 queues 4 behind its running task: ask it
        assertEquals(Map.of(0, 1), s.steal(1));
        assertTrue(s.steal(1).isEmpty(), "one request in flight per victim and thief");
        s.stolen(0, 4);
        assertEquals(Map.of(1, List.of(task(4))), s.assign());
        assertEquals(2, s.stolen(1));
        assertEquals(4, s.held(0));
    }

    @Test
    void everyStealCountedIsRecordedOnceWhereverTheTaskWaited() {
        Scheduler s = new Scheduler(List.of(5, 5, 5), 0);
        for (int i = 0; i < 7; i++) {
            s.submitTo(0, task(i));
        }
        s.assign();
        s.steal(1); // tasks 5 and 6 still at the master
        assertEquals(List.of(new Stealing.Steal(1, 0, 6), new Stealing.Steal(2, 0, 5)), s.takeSteals());
        s.assign();
        s.complete(1, 6, 1);
        s.steal(1);
        s.stolen(0, 4); // given back by worker 0
        assertEquals(List.of(new Stealing.Steal(1, 0, 4)), s.takeSteals());
        assertTrue(s.takeSteals().isEmpty(), "taken once");
        assertEquals(3, s.stolen(1) + s.stolen(2));
    }

    @Test
    void nothingIsStolenWhileTheMasterQueueHasWorkOrNobodyHasABacklog() {
        Scheduler s = new Scheduler(List.of(1, 1), 0);
        s.submit(task(0));
        s.submit(task(1));
        s.submit(task(2));
        s.assign();
        assertTrue(s.steal(1).isEmpty());
        s.complete(0, 0, 1);
        s.assign();
        s.complete(1, 1, 1);
        assertTrue(s.steal(1).isEmpty(), "worker 0 only runs one task: nothing waits there");
        s.stolen(0, -1);
    }

    @Test
    void failedWorkerTasksReturnToTheHeadInOrderWithNextAttempt() {
        Scheduler s = new Scheduler(List.of(2, 2), 0);
        for (int i = 0; i < 5; i++) {
            s.submit(task(i));
        }
        s.assign(); // 0->w0, 1->w1, 2->w0, 3->w1; 4 waits
        List<TaskSpec> back = s.fail(0);
        assertEquals(List.of(0, 2), back.stream().map(TaskSpec::id).toList());
        assertEquals(Scheduler.State.RESTARTING, s.state(0));
        s.complete(1, 1, 1);
        s.complete(1, 3, 1);
        Map<Integer, List<TaskSpec>> batches = s.assign();
        assertEquals(List.of(new TaskSpec(0, 2, new TaskKind.Noop()), new TaskSpec(2, 2, new TaskKind.Noop())),
                batches.get(1));
        assertFalse(batches.containsKey(0));
        assertEquals(1, s.queued());
    }

    @Test
    void aTaskLostWithAWorkerDoesNotGoBackToItAfterItsRestart() {
        Scheduler s = new Scheduler(List.of(1, 1), 0);
        s.submit(task(0));
        s.submit(task(1));
        s.assign(); // 0->w0, 1->w1
        s.fail(0);
        s.ready(0);
        assertTrue(s.assign().isEmpty(), "worker 0 is free but task 0 waits for worker 1");
        s.complete(1, 1, 1);
        assertEquals(Map.of(1, List.of(new TaskSpec(0, 2, new TaskKind.Noop()))), s.assign());
        s.submit(task(2));
        assertEquals(Map.of(0, List.of(task(2))), s.assign(), "other tasks still go to worker 0");
    }

    @Test
    void aWorkerIsNotAvoidedWhenEveryOtherOneLostTheTaskToo() {
        Scheduler s = new Scheduler(List.of(1, 1), 0);
        s.submit(task(0));
        s.assign(); // 0->w0
        s.fail(0);
        s.ready(0);
        assertEquals(Map.of(1, List.of(new TaskSpec(0, 2, new TaskKind.Noop()))), s.assign());
        s.fail(1);
        assertEquals(Map.of(0, List.of(new TaskSpec(0, 3, new TaskKind.Noop()))), s.assign(),
                "both lost it: the first that has room runs it");
    }

    @Test
    void anIdleWorkerDoesNotStealATaskItLostBefore() {
        Scheduler s = new Scheduler(List.of(2, 2), 0);
        s.submit(task(0));
        s.assign(); // 0->w0
        s.fail(0);
        s.ready(0);
        assertEquals(Map.of(1, List.of(new TaskSpec(0, 2, new TaskKind.Noop()))), s.assign());
        s.submitTo(1, task(1));
        assertEquals(Map.of(1, List.of(task(1))), s.assign());
        assertEquals(Map.of(1, 0), s.steal(1), "worker 0 asks worker 1 for its last task, task 1");
        s.stolen(1, 0); // the victim's queue order differed: it gave task 0
        assertEquals(Map.of(1, List.of(new TaskSpec(0, 2, new TaskKind.Noop()))), s.assign(),
                "task 0 came back, and worker 0 lost it once: it goes back to worker 1");
        assertEquals(0, s.stolen(0));
        assertTrue(s.steal(1).isEmpty(), "worker 1's last task is one worker 0 lost: it does not ask again");
    }

    @Test
    void aPhaseWaitsForRestartedAndAddedWorkersToSayReady() {
        Scheduler s = new Scheduler(List.of(1, 1), 1);
        s.submit(task(0));
        s.assign();
        assertFalse(s.settled());
        s.fail(0); // its task goes back to the queue; the worker is told to restart
        s.assign(); // attempt 2 of task 0 goes to worker 1
        assertTrue(s.complete(1, 0, 2));
        assertTrue(s.drained());
        assertFalse(s.settled(), "worker 0 has not said READY yet");
        s.ready(0);
        assertTrue(s.settled());
        int added = s.activate(1);
        assertFalse(s.settled(), "an added worker has not said READY yet");
        s.ready(added);
        assertTrue(s.settled());
    }
}
