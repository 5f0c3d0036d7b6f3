package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTasksTest {
    private static TaskBook.Entry entry(int id) {
        return new TaskBook.Entry(id, new TaskKind.Noop());
    }

    @Test
    void anOldTaskThatStaysOpenGrowsTheWindowAndEveryOtherTaskIsStillFound() {
        OpenTasks open = new OpenTasks();
        List<TaskBook.Entry> all = new ArrayList<>();
        for (int id = 0; id < 5000; id++) {
            all.add(entry(id));
            open.add(all.get(id));
            if (id > 0 && (id - 1) % 3 != 0) {
                open.remove(id - 1); // the previous one finishes unless it is a multiple of 3
            }
        }
        for (int id = 0; id < 4999; id++) {
            if (id % 3 == 0) {
                assertSame(all.get(id), open.get(id), "open task " + id);
            } else {
                assertNull(open.get(id), "finished task " + id);
            }
        }
        assertSame(all.get(4999), open.get(4999), "the newest is open");
        assertSame(all.get(0), open.get(0), "task 0 never finished");
        open.remove(0);
        assertNull(open.get(0));
        assertNull(open.get(5000), "never added");
        assertNull(open.get(-1));
        assertThrows(IllegalStateException.class, () -> open.add(entry(7)));
    }

    @Test
    void finishedTasksLeaveAndTheCountFollows() {
        OpenTasks open = new OpenTasks();
        for (int id = 0; id < 3000; id++) {
            open.add(entry(id));
        }
        for (int id = 0; id < 3000; id += 2) {
            open.remove(id);
        }
        open.remove(4); // twice: no effect
        assertEquals(1500, open.size());
        List<Integer> ids = new ArrayList<>();
        open.forEach(e -> ids.add(e.id));
        assertEquals(1500, ids.size());
        assertEquals(1, ids.get(0));
        assertEquals(2999, ids.get(ids.size() - 1));
        for (int id = 1; id < 3000; id += 2) {
            assertEquals(id, open.get(id).id);
        }
    }
}
