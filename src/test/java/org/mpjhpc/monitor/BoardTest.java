package org.mpjhpc.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;

/** The board without HTTP: what a job publishes is what the page and Prometheus read. */
class BoardTest {
    @Test
    void theBoardOfARankWithoutAMonitorIgnoresEverything() {
        Board off = Board.off();
        off.publish(new JsonObject().put("queue", 3));
        off.event("dead", 1, "x");
        off.record("queue", 3);
        assertFalse(off.on());
        assertEquals(null, off.state().get("queue"));
        assertEquals(0, ((JsonArray) off.snapshot().get("events")).size());
    }

    @Test
    void eventsAreBoundedAndCountedAndTheLatestViewWins() {
        Board b = new Board("j", "farm");
        for (int i = 0; i < Board.EVENTS + 7; i++) {
            b.event("stolen", i % 2, "task " + i);
        }
        b.publish(new JsonObject().put("queue", 1));
        b.publish(new JsonObject().put("queue", 2));
        JsonObject s = b.snapshot();
        assertEquals(Board.EVENTS, ((JsonArray) s.get("events")).size());
        assertEquals(Board.EVENTS + 7, s.asDouble("events_total"));
        assertEquals("task 7", ((JsonObject) ((JsonArray) s.get("events")).get(0)).get("detail"));
        assertEquals(2.0, ((JsonObject) s.get("state")).asDouble("queue"));
        assertEquals("running", s.get("status"));
        b.finish("failed");
        assertEquals("failed", b.snapshot().get("status"));
    }

    @Test
    void aSeriesKeepsOnePointASecondTheLatestValueOfIt() {
        Board b = new Board("j", "fv");
        for (int i = 1; i <= 100; i++) {
            b.record("cell_updates", i);
        }
        JsonArray points = (JsonArray) ((JsonObject) b.snapshot().get("history")).get("cell_updates");
        assertEquals(1, points.size(), "100 values within a second are one point");
        assertEquals(100.0, ((Number) ((JsonArray) points.get(0)).get(1)).doubleValue());
    }

    @Test
    void metricsAreReadFromTheLatestViewByWorker() {
        Board b = new Board("demo", "farm");
        JsonObject v = new JsonObject().put("queue", 5);
        JsonArray workers = v.putArray("workers");
        workers.addObject().put("id", 0).put("completed", 7).put("failed", 1).put("lost", 0).put("holding", 2)
                .put("capacity", 3).put("up", 1);
        workers.addObject().put("id", 1).put("completed", 4).put("failed", 0).put("lost", 1).put("holding", 0)
                .put("capacity", 3).put("up", 0);
        b.publish(v);
        String text = new String(new Metrics(b).scrape(), StandardCharsets.UTF_8);
        assertTrue(text.contains("mpjhpc_farm_tasks_completed_total{job=\"demo\",worker=\"0\"} 7.0"), text);
        assertTrue(text.contains("mpjhpc_farm_worker_lost_total{job=\"demo\",worker=\"1\"} 1.0"), text);
        assertTrue(text.contains("mpjhpc_farm_queue_tasks{job=\"demo\"} 5.0"), text);
        assertTrue(text.contains("mpjhpc_job_running{job=\"demo\",kind=\"farm\"} 1.0"), text);
        b.finish("done");
        assertTrue(new String(new Metrics(b).scrape(), StandardCharsets.UTF_8)
                .contains("mpjhpc_job_running{job=\"demo\",kind=\"farm\"} 0.0"));
    }
}
