package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live control endpoint of a real running job, driven over HTTP on loopback. */
class ControlIT {
    private static final String TOKEN = "integration-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private String url;

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body, TOKEN);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        return JSON.readTree(r.body());
    }

    private void refused(int status, String method, String path, String body, String token) throws Exception {
        HttpResponse<String> r = call(method, path, body, token);
        assertEquals(status, r.statusCode(), path + " -> " + r.body());
        assertTrue(JSON.readTree(r.body()).get("error").asText().length() > 0, r.body());
    }

    /**
     * Bodies that cost YAML gigabytes (aliases) or a deep parse are a 400 at once, and
     * clients trickling a byte at a time do not hold /status up (it took 19 to 58 s with
     * two handler threads and no read timeout).
     */
    private void hostileClientsGetA4xxAndNeverStarveStatus() throws Exception {
        StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        refused(400, "POST", "/send", laughs.toString(), TOKEN);
        refused(400, "POST", "/send", "[".repeat(10_000) + "]".repeat(10_000), TOKEN);
        refused(400, "POST", "/send", "{\"type\": \"noop\", \"type\": \"fib\"}", TOKEN);
        java.net.URI base = java.net.URI.create(url);
        List<Thread> slow = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try (java.net.Socket c = new java.net.Socket(base.getHost(), base.getPort())) {
                    for (byte b : "POST /send HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n".getBytes()) {
                        c.getOutputStream().write(b);
                        c.getOutputStream().flush();
                        Thread.sleep(300);
                    }
                } catch (Exception e) {
                    // the server closing on us is what should happen
                }
            });
            t.start();
            slow.add(t);
        }
        Thread.sleep(500);
        long t0 = System.nanoTime();
        ok("GET", "/status", null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 4_000, "/status waited " + ms + " ms behind slow clients (they time out after 5 s)");
        for (Thread t : slow) {
            t.join(30_000);
        }
    }

    @Test
    void aRunningJobTakesWorkFromOutsideAndAnswersMistakesWithJsonErrors() throws Exception {
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.json");
        Path log = dir.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(Mpjrun.ROOT.resolve("mpjrun").toString(), "configs/control.yaml",
                "--out", out.toString(), "--report", report.toString()))
                .directory(Mpjrun.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        pb.environment().put("MPJHPC_CONTROL_TOKEN", TOKEN);
        Process job = pb.start();
        try {
            Path control = out.resolve("control.json");
            for (int i = 0; i < 600 && !Files.exists(control); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(control), Files.readString(log));
            url = JSON.readTree(control.toFile()).get("url").asText();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);

            refused(401, "GET", "/status", null, null);
            refused(401, "GET", "/status", null, "wrong-token");
            JsonNode status = ok("GET", "/status", null);
            assertEquals(3, status.get("workers").size());
            assertEquals("standby", status.get("workers").get(2).get("state").asText());

            assertEquals(4, ok("POST", "/send", "{\"type\": \"fib\", \"n\": 20}").get("task").asInt());
            assertEquals(5, ok("POST", "/send/1", "{\"type\": \"sleep\", \"ms\": 20}").get("task").asInt());
            ok("POST", "/resource", "{\"name\": \"total\", \"type\": \"long\", \"value\": 5}");
            assertEquals(2, ok("POST", "/add", "{\"capacity\": 3}").get("worker").asInt());
            refused(409, "POST", "/add", "{\"capacity\": 3}", TOKEN);
            refused(400, "POST", "/send", "{\"type\": \"fob\"}", TOKEN);
            refused(400, "POST", "/send", "{\"type\": ", TOKEN);
            refused(400, "POST", "/send/9", "{\"type\": \"noop\"}", TOKEN);
            refused(400, "POST", "/add", "{\"capacity\": 0}", TOKEN);
            refused(404, "POST", "/nowhere", "{}", TOKEN);
            refused(405, "GET", "/send", null, TOKEN);
            refused(413, "POST", "/send", "x".repeat(70_000), TOKEN);
            hostileClientsGetA4xxAndNeverStarveStatus();
            assertEquals(0, ok("POST", "/stop/0", null).get("stopped").asInt());
            assertEquals(6, ok("POST", "/send", "{\"type\": \"fib\", \"n\": 21}").get("task").asInt());
            status = ok("GET", "/status", null);
            assertEquals("stopped", status.get("workers").get(0).get("state").asText());
            assertEquals("active", status.get("workers").get(2).get("state").asText());
            assertEquals(1, status.get("resources").get("total").asInt());
            ok("POST", "/shutdown", null);
            assertTrue(job.waitFor(60, TimeUnit.SECONDS), "the job ended after /shutdown");
        } finally {
            job.destroyForcibly();
        }
        assertEquals(0, job.exitValue(), Files.readString(log));
        JsonNode r = JSON.readTree(report.toFile());
        assertEquals(7, r.get("tasks").size());
        for (JsonNode t : r.get("tasks")) {
            assertEquals("done", t.get("status").asText(), t.toString());
        }
        assertEquals(10946, r.get("tasks").get(6).get("result").asInt(), "fib(21) sent after worker 0 stopped");
        assertTrue(r.get("tasks").get(6).get("worker").asInt() != 0);
        assertEquals(5, r.get("resources").get("total").get("value").asInt());
    }
}
