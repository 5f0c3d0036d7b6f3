package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskTypeTest {
    @Test
    void everyTaskKindHasExactlyOneRowAndEveryNameIsUnique() {
        Set<Class<?>> kinds = new HashSet<>(Arrays.asList(TaskKind.class.getPermittedSubclasses()));
        Set<Class<?>> rows = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (TaskType<?> t : TaskType.ALL) {
            assertEquals(true, rows.add(t.kind()), "two rows for " + t.kind());
            assertEquals(true, names.add(t.name()), "two rows named " + t.name());
        }
        assertEquals(kinds, rows, "a task kind without its row cannot be read, sent or run");
        assertNull(TaskType.named("fob"));
    }

    @Test
    void eachKindCrossesTheWireAsItselfWithItsName() {
        List<TaskKind> samples = List.of(new TaskKind.Fib(30), new TaskKind.Sleep(5), new TaskKind.Spin(7),
                new TaskKind.Cpu(9), new TaskKind.Shell("echo 'a b'", 1000),
                new TaskKind.Java("org.example.T", Map.of("k", "v")), new TaskKind.Noop());
        assertEquals(TaskType.ALL.size(), samples.size(), "a sample per row");
        for (TaskKind k : samples) {
            byte[] bytes = Protocol.tasks(List.of(new TaskSpec(1, 1, k)));
            assertEquals(k, Protocol.readTasks(bytes).get(0).kind());
            assertEquals(TaskType.of(k).name(), k.type());
        }
        assertEquals(30 * 1e6, Costs.estimate(new TaskKind.Spin(30)));
    }
}
