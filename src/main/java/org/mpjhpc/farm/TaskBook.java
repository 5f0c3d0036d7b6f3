package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The master's record of every task: where it went, how often, and its one recorded
 * result. A result is recorded once; a late copy from an earlier attempt is counted as
 * a dropped duplicate and never overwrites the first.
 */
final class TaskBook {
    /** Where a task stands. */
    enum Status { QUEUED, DISPATCHED, DONE, FAILED }

    /** One task's record, as the report shows it. */
    static final class Entry {
        final int id;
        final TaskKind kind;
        Status status = Status.QUEUED;
        int worker = -1;
        int attempts;
        int maxAttempts = Integer.MAX_VALUE;
        String result;
        String error;
        long startMs = -1;
        long endMs = -1;

        Entry(int id, TaskKind kind) {
            this.id = id;
            this.kind = kind;
        }

        boolean finished() {
            return status == Status.DONE || status == Status.FAILED;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Journal journal;
    private long duplicates;
    private long finished;
    private long givenUp;
    private long restored;

    TaskBook() {
        this(Journal.off());
    }

    /** A book that journals every task queued, dispatched and finished. */
    TaskBook(Journal journal) {
        this.journal = journal;
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
        if (id != entries.size()) {
            throw new IllegalStateException("task ids must be dense, got " + id);
        }
        Entry e = new Entry(id, kind);
        e.maxAttempts = maxAttempts;
        entries.add(e);
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
        finished++;
    }

    /** Results taken from the journal of an earlier run. */
    long restored() {
        return restored;
    }

    int maxAttempts(int id) {
        return entries.get(id).maxAttempts;
    }

    boolean isFinished(int id) {
        return entries.get(id).finished();
    }

    /** The master ends a task failed without a worker's result (its runs kept killing their worker). */
    void giveUp(int id, int attempts, int worker, String error, long nowMs) {
        Entry e = entries.get(id);
        e.status = Status.FAILED;
        e.attempts = attempts;
        e.worker = worker;
        e.error = error;
        e.endMs = nowMs;
        givenUp++;
        finished++;
        if (journal.enabled()) {
            journal.append(JournalCodec.result(e));
        }
    }

    /** Tasks the master ended itself: no worker delivered a result for them. */
    long givenUp() {
        return givenUp;
    }

    /** A run of the task was sent to a worker (a finished task keeps its recorded result). */
    void dispatched(TaskSpec task, int worker) {
        Entry e = entries.get(task.id());
        e.attempts = Math.max(e.attempts, task.attempt());
        if (!e.finished()) {
            e.status = Status.DISPATCHED;
            e.worker = worker;
            if (journal.enabled()) {
                journal.append(JournalCodec.dispatched(task.id(), task.attempt()));
            }
        }
    }

    /** Records an outcome; returns false if the task already had one (a duplicate). */
    boolean record(Outcome o) {
        Entry e = entries.get(o.taskId());
        if (e.finished()) {
            duplicates++;
            return false;
        }
        finish(e, o);
        if (journal.enabled()) {
            journal.append(JournalCodec.result(e));
        }
        return true;
    }

    /**
     * The task went back to the queue. It may already be finished: a worker declared dead
     * may still have delivered it, late. Its recorded result then stands.
     */
    void requeued(TaskSpec task) {
        Entry e = entries.get(task.id());
        if (!e.finished()) {
            e.status = Status.QUEUED;
        }
    }

    List<Entry> entries() {
        return entries;
    }

    long finished() {
        return finished;
    }

    long failed() {
        return entries.stream().filter(e -> e.status == Status.FAILED).count();
    }

    long duplicates() {
        return duplicates;
    }
}
