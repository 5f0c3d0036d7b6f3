package org.mpjhpc.farm;

import java.util.function.Consumer;

/**
 * The tasks not finished yet, by id. Ids are dense and tasks finish roughly in order, so
 * the open ones lie in a window from the oldest open id to the newest: a ring of slots
 * that grows only while the oldest stays open (no boxing, no node per task, unlike a map).
 */
final class OpenTasks {
    private TaskBook.Entry[] ring = new TaskBook.Entry[1024];
    private int base;   // the oldest id the window holds
    private int end;    // one past the newest id added
    private int count;

    /** Adds the next task; ids come in order 0, 1, 2... */
    void add(TaskBook.Entry e) {
        if (e.id != end) {
            throw new IllegalStateException("task ids must be dense, got " + e.id);
        }
        if (end - base == ring.length) {
            grow();
        }
        ring[e.id & (ring.length - 1)] = e;
        end++;
        count++;
    }

    /** The open task with this id, or null (finished, or never added). */
    TaskBook.Entry get(int id) {
        return id < base || id >= end ? null : ring[id & (ring.length - 1)];
    }

    /** The task finished: its slot frees, and the window moves past finished ids. */
    void remove(int id) {
        if (get(id) == null) {
            return;
        }
        ring[id & (ring.length - 1)] = null;
        count--;
        while (base < end && ring[base & (ring.length - 1)] == null) {
            base++;
        }
    }

    int size() {
        return count;
    }

    void forEach(Consumer<TaskBook.Entry> each) {
        for (int id = base; id < end; id++) {
            TaskBook.Entry e = ring[id & (ring.length - 1)];
            if (e != null) {
                each.accept(e);
            }
        }
    }

    private void grow() {
        TaskBook.Entry[] bigger = new TaskBook.Entry[ring.length * 2];
        for (int id = base; id < end; id++) {
            bigger[id & (bigger.length - 1)] = ring[id & (ring.length - 1)];
        }
        ring = bigger;
    }
}
