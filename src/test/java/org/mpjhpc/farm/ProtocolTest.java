package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    @Test
    void everyTaskKindSurvivesTheWire() {
        List<TaskSpec> tasks = List.of(
                new TaskSpec(0, 1, new TaskKind.Fib(30)),
                new TaskSpec(1, 2, new TaskKind.Sleep(5)),
                new TaskSpec(2, 1, new TaskKind.Spin(7)),
                new TaskSpec(6, 1, new TaskKind.Cpu(11)),
                new TaskSpec(3, 1, new TaskKind.Shell("echo 'ñandú' && exit 3", 900)),
                new TaskSpec(4, 1, new TaskKind.Java("a.B", Map.of("k", "v", "x", ""))),
                new TaskSpec(5, 1, new TaskKind.Noop()));
        assertEquals(tasks, Protocol.readTasks(Protocol.tasks(tasks)));
    }

    @Test
    void resultsAndHeartbeatsRoundTrip() {
        List<Outcome> outcomes = List.of(
                new Outcome(7, 1, 2, true, "832040", null, 10, 20),
                new Outcome(8, 3, 0, false, null, "exit code 3: boom", 11, 12));
        assertEquals(outcomes, Protocol.readResults(Protocol.results(outcomes)));
        Heartbeat h = new Heartbeat(5, 1, 123_456_789L, 3);
        assertEquals(h, Protocol.readHeartbeat(Protocol.heartbeat(h)));
    }
}
