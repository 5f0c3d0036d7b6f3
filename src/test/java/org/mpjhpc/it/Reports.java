package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reading and checking farm reports in integration tests. */
final class Reports {
    private Reports() {
    }

    static List<Long> field(JsonNode array, String name) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(name).asLong()));
        return values;
    }

    /** Every task id from 0 to n-1 appears exactly once with a terminal status. */
    static void eachTaskOnce(JsonNode report, int n, Mpjrun.Result run) {
        JsonNode tasks = report.get("tasks");
        assertEquals(n, tasks.size(), run.all());
        Set<Long> ids = new HashSet<>(field(tasks, "id"));
        assertEquals(n, ids.size());
        for (JsonNode t : tasks) {
            assertTrue(Set.of("done", "failed").contains(t.get("status").asText()), t + "\n" + run.all());
            assertTrue(t.get("end_ms").asLong() >= t.get("start_ms").asLong(), t.toString());
        }
        assertTrue(report.get("verification").get("passed").asBoolean(), run.all());
    }

    /** The first event of this kind for this worker, or null. */
    static JsonNode event(JsonNode report, String kind, int worker) {
        for (JsonNode e : report.get("events")) {
            if (e.get("kind").asText().equals(kind) && e.get("worker").asInt() == worker) {
                return e;
            }
        }
        return null;
    }

    static JsonNode worker(JsonNode report, int id) {
        return report.get("workers").get(id);
    }
}
