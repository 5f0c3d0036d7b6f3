package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every farm message decodes to what was encoded, whatever its text holds (any Unicode, over 64 KB, null). */
class ProtocolPropertiesTest {
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'c').ofMinLength(65_536).ofMaxLength(70_000));
    }

    @Provide
    Arbitrary<TaskKind> kinds() {
        Arbitrary<Map<String, String>> args = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(30)).ofMaxSize(4);
        return Arbitraries.oneOf(
                Arbitraries.integers().map(TaskKind.Fib::new),
                Arbitraries.longs().map(TaskKind.Sleep::new),
                Arbitraries.longs().map(TaskKind.Spin::new),
                Arbitraries.longs().map(TaskKind.Cpu::new),
                Combinators.combine(text(), Arbitraries.longs()).as(TaskKind.Shell::new),
                Combinators.combine(text(), args).as((c, a) -> new TaskKind.Java(c, new LinkedHashMap<>(a))),
                Arbitraries.just(new TaskKind.Noop()));
    }

    @Test
    void theGeneratorCoversEveryTaskKind() {
        Set<Class<?>> generated = kinds().sampleStream().limit(2000).map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(TaskKind.class.getPermittedSubclasses()), generated,
                "a new task kind needs its wire encoding, its runner and a place here");
    }

    @Property(tries = 300)
    void tasksRoundTrip(@ForAll @Size(max = 8) List<@From("kinds") TaskKind> kinds, @ForAll int id, @ForAll int attempt) {
        List<TaskSpec> tasks = kinds.stream().map(k -> new TaskSpec(id, attempt, k)).toList();
        assertEquals(tasks, Protocol.readTasks(Protocol.tasks(tasks)));
    }

    @Provide
    Arbitrary<Outcome> outcomes() {
        Arbitrary<String> maybe = text().injectNull(0.3);
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.of(true, false), maybe, maybe, Arbitraries.longs(), Arbitraries.longs())
                .as(Outcome::new);
    }

    @Property(tries = 300)
    void resultsRoundTrip(@ForAll @Size(max = 8) List<@From("outcomes") Outcome> outcomes) {
        assertEquals(outcomes, Protocol.readResults(Protocol.results(outcomes)));
    }

    @Property(tries = 200)
    void smallMessagesRoundTrip(@ForAll long a, @ForAll long b, @ForAll long c, @ForAll int n,
            @ForAll("names") String name) {
        Heartbeat h = new Heartbeat(a, b, c, n);
        assertEquals(h, Protocol.readHeartbeat(Protocol.heartbeat(h)));
        assertEquals(n, Protocol.readTaskId(Protocol.taskId(n)));
        Action.Fault f = new Action.Fault(n, name, a);
        assertEquals(f, Protocol.readFault(Protocol.fault(f)));
        for (ResourceTable.Mode mode : ResourceTable.Mode.values()) {
            Protocol.Lock l = new Protocol.Lock(a, name, mode, b);
            assertEquals(l, Protocol.readLock(Protocol.lock(l)));
            Protocol.Release r = new Protocol.Release(name, mode, name);
            assertEquals(r, Protocol.readRelease(Protocol.release(r)));
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().ofMaxLength(200);
    }

    @Property(tries = 200)
    void theResourceTableRoundTrips(@ForAll long version, @ForAll double d, @ForAll("names") String s,
            @ForAll List<Long> list) {
        Map<String, Replicas.Entry> table = new LinkedHashMap<>();
        put(table, "l", ResourceType.LONG, version, version);
        put(table, "s", ResourceType.STRING, version, s);
        put(table, "b", ResourceType.BOOL, version, d > 0);
        put(table, "list", ResourceType.LIST, version, list);
        if (Double.isFinite(d)) {
            put(table, "d", ResourceType.DOUBLE, version, d);
        }
        assertEquals(table, Protocol.readTable(Protocol.table(table)));
    }

    private static void put(Map<String, Replicas.Entry> table, String name, ResourceType type, long version,
            Object value) {
        table.put(name, new Replicas.Entry(type, version, type.coerce(value)));
    }

    @Test
    void aCorruptOrTruncatedMessageIsAnErrorNotAWrongTask() {
        byte[] good = Protocol.tasks(List.of(new TaskSpec(1, 1, new TaskKind.Shell("true", 5))));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] part = Arrays.copyOf(good, cut);
            assertThrows(RuntimeException.class, () -> Protocol.readTasks(part), "cut at " + cut);
        }
    }
}
