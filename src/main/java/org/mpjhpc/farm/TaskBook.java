package org.mpjhpc.farm;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The master's record of every task: where it went, how often, and its one recorded
 * result. A result is recorded once; a late copy from an earlier attempt is counted as
 * a dropped duplicate and never overwrites the first. Only queued and running tasks are
 * held in memory: a finished one goes to {@link FinishedTasks} (a file) and leaves a bit
 * and its counts behind, so memory does not grow with the number of tasks run.
 */
final class TaskBook {
    /** Where a task stands. */
    enum Status { QUEUED, DISPATCHED, DONE, FAILED }

    /** One task's record, as the report shows it. */
    static final class Entry {
        final int id;
        /** The task itself while it is open; null for a record read back from the file. */
        final TaskKind kind;
        private final String type;
        Status status = Status.QUEUED;
        int worker = -1;
        int attempts;
        int maxAttempts = Integer.MAX_VALUE;
        String result;
        String error;
        long startMs = -1;
        long endMs = -1;

        Entry(int id, TaskKind kind) {
            this(id, kind, kind.type());
        }

        Entry(int id, TaskKind kind, String type) {
            this.id = id;
            this.kind = kind;
            this.type = type;
        }

        String type() {
            return type;
        }

    }

    private final OpenTasks open = new OpenTasks();
    private final BitSet done = new BitSet();
    /** Runs sent after a task's result was recorded (a worker declared dead that had delivered it). */
    private final Map<Integer, Integer> laterAttempts = new HashMap<>();
    private final FinishedTasks spill;
    private final Journal journal;
    private int size;
    private long duplicates;
    private long finished;
    private long failed;
    private final BitSet retried = new BitSet();
    private long givenUp;
    private long restored;
    private long fibs;
    private long wrongFibs;

    /** A book without a journal, its finished tasks in a temporary file. */
    TaskBook() {
        this(Journal.off());
    }

    /** A book with a journal, its finished tasks in a temporary file. */
    TaskBook(Journal journal) {
        this(journal, FinishedTasks.inNewFolder());
    }

    /** A book that journals every task queued, dispatched and finished, and keeps finished ones in {@code spill}. */
    TaskBook(Journal journal, FinishedTasks spill) {
        this.journal = journal;
        this.spill = spill;
    }

    void add(TaskSpec task) {
        add(task, Integer.MAX_VALUE, -1, 0);
    }

    /**
     * @param maxAttempts runs that may end in a worker's death before the task is given up
     * @param request     the timeline request that submitted it, -1 for the control endpoint
     * @param repeat      which repetition of that request
     */
    void add(TaskSpec task, int maxAttempts, int request, int repeat) {
        entry(task.id(), task.kind(), maxAttempts);
        if (journal.enabled()) {
            journal.append(JournalCodec.queued(task, maxAttempts, request, repeat));
        }
    }

    private Entry entry(int id, TaskKind kind, int maxAttempts) {
        if (id != size) {
            throw new IllegalStateException("task ids must be dense, got " + id);
        }
        Entry e = new Entry(id, kind);
        e.maxAttempts = maxAttempts;
        open.add(e);
        size++;
        return e;
    }

    /**
     * Takes a task back from the journal of an earlier run: with its result, which stands,
     * or without, and then it is queued again by the caller. Nothing is journaled again.
     */
    void restore(JournalReplay.Task t) {
        Entry e = entry(t.id, t.kind, t.maxAttempts);
        e.attempts = t.attempts;
        if (t.outcome != null) {
            finish(e, t.outcome);
            close(e);
            restored++;
        }
    }

    private void finish(Entry e, Outcome o) {
        e.status = o.ok() ? Status.DONE : Status.FAILED;
        e.worker = o.worker();
        e.result = o.result();
        e.error = o.error();
        e.startMs = o.startMs();
        e.endMs = o.endMs();
    }

    /** The task's record leaves memory for the file; what the checks need stays as counts. */
    private void close(Entry e) {
        boolean spilled = spill.add(e); // if the disk is full, the record stays in memory
        finished++;
        failed += e.status == Status.FAILED ? 1 : 0;
        retried.set(e.id, e.attempts > 1);
        if (e.kind instanceof TaskKind.Fib f && e.status == Status.DONE) {
            fibs++;
            wrongFibs += Long.toString(Kernels.fibIterative(f.n())).equals(e.result) ? 0 : 1;
        }
        done.set(e.id);
        if (spilled) {
            open.remove(e.id);
        }
    }

    /** Why finished tasks could not be written to their file, or null. */
    java.io.IOException storageFailure() {
        return spill.failure();
    }

    /** Results taken from the journal of an earlier run. */
    long restored() {
        return restored;
    }

    /** How often the task may be run (unbounded once it is finished). */
    int maxAttempts(int id) {
        Entry e = open.get(id);
        return e == null ? Integer.MAX_VALUE : e.maxAttempts;
    }

    boolean isFinished(int id) {
        return done.get(id);
    }

    /** The master ends a task failed without a worker's result (its runs kept killing their worker). */
    void giveUp(int id, int attempts, int worker, String error, long nowMs) {
        Entry e = open.get(id);
        e.status = Status.FAILED;
        e.attempts = attempts;
        e.worker = worker;
        e.error = error;
        e.endMs = nowMs;
        givenUp++;
        if (journal.enabled()) {
            journal.append(JournalCodec.result(e));
        }
        close(e);
    }

    /** Tasks the master ended itself: no worker delivered a result for them. */
    long givenUp() {
        return givenUp;
    }

    /** A run of the task was sent to a worker (a finished task keeps its recorded result). */
    void dispatched(TaskSpec task, int worker) {
        Entry e = open.get(task.id());
        if (e == null || done.get(task.id())) {
            laterAttempts.merge(task.id(), task.attempt(), Math::max);
            return;
        }
        e.attempts = Math.max(e.attempts, task.attempt());
        e.status = Status.DISPATCHED;
        e.worker = worker;
        if (journal.enabled()) {
            journal.append(JournalCodec.dispatched(task.id(), task.attempt()));
        }
    }

    /** Records an outcome; returns false if the task already had one (a duplicate). */
    boolean record(Outcome o) {
        Entry e = open.get(o.taskId());
        if (e == null || done.get(o.taskId())) {
            duplicates++;
            return false;
        }
        finish(e, o);
        if (journal.enabled()) {
            journal.append(JournalCodec.result(e));
        }
        close(e);
        return true;
    }

    /**
     * The task went back to the queue. It may already be finished: a worker declared dead
     * may still have delivered it, late. Its recorded result then stands.
     */
    void requeued(TaskSpec task) {
        Entry e = open.get(task.id());
        if (e != null && !done.get(task.id())) {
            e.status = Status.QUEUED;
        }
    }

    /** Every task in id order, as the report shows it (finished ones read back from the file). */
    void forEach(Consumer<Entry> each) throws IOException {
        spill.forEach(size, open::get, e -> {
            Integer later = laterAttempts.get(e.id);
            if (later != null) {
                e.attempts = Math.max(e.attempts, later);
            }
            each.accept(e);
        });
    }

    /** Tasks submitted so far. */
    int size() {
        return size;
    }

    /** Distinct tasks with a recorded result. */
    int recorded() {
        return done.cardinality();
    }

    long finished() {
        return finished;
    }

    long failed() {
        return failed;
    }

    /** Tasks run more than once (finished or not). */
    long retried() {
        return retried.cardinality() + openRetried()
                + laterAttempts.entrySet().stream().filter(l -> l.getValue() > 1 && !retried.get(l.getKey())).count();
    }

    private long openRetried() {
        long[] n = {0};
        open.forEach(e -> n[0] += e.attempts > 1 && !done.get(e.id) ? 1 : 0);
        return n[0];
    }

    /** Fibonacci results recorded, and how many of them are wrong. */
    long[] fibChecks() {
        return new long[] {fibs, wrongFibs};
    }

    /** Removes the finished tasks' file (after the report). */
    void discard() {
        spill.close();
    }

    long duplicates() {
        return duplicates;
    }
}
