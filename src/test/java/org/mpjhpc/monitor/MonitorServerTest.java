package org.mpjhpc.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.config.MonitorConfig;
import org.mpjhpc.output.JsonObject;

/** The monitor's HTTP rules on a real socket: routes, the token, the final state. */
class MonitorServerTest {
    private static final String TOKEN = "secret-token-1";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withATokenEveryRouteNeedsItAsHeaderOrAsTheCookieThePageGets() throws Exception {
        MonitorServer m = MonitorServer.start(new MonitorConfig(true, "127.0.0.1", 0, TOKEN), "j", "farm",
                dir.toString());
        try {
            String url = m.url();
            assertTrue(Files.readString(dir.resolve("monitor.json")).contains(url));
            for (String route : new String[] {"/", "/api/state", "/metrics", "/image.png"}) {
                assertEquals(401, get(url + route).statusCode(), route);
                assertEquals(401, get(url + route, "Authorization", "Bearer wrong").statusCode(), route);
            }
            assertEquals(200, get(url + "/api/state", "Authorization", "Bearer " + TOKEN).statusCode());
            HttpResponse<String> page = get(url + "/?token=" + TOKEN);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<canvas"), "the page");
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertEquals(200, get(url + "/metrics", "Cookie", cookie).statusCode());
            assertEquals(401, get(url + "/metrics", "Cookie", "mpjhpc_token=nope").statusCode());
        } finally {
            m.close();
        }
    }

    @Test
    void routesAnswerWhatTheyAreAndTheFinalStateIsServedBeforeTheEnd() throws Exception {
        MonitorServer m = MonitorServer.start(new MonitorConfig(true, "127.0.0.1", 0, null), "j", "fv",
                dir.toString());
        String url = m.url();
        assertEquals(404, get(url + "/image.png").statusCode(), "no picture yet");
        assertEquals(404, get(url + "/nothing").statusCode());
        Board.get().publish(new JsonObject().put("step", 12));
        HttpResponse<String> state = get(url + "/api/state");
        assertEquals("application/json", state.headers().firstValue("Content-Type").orElse(""));
        assertTrue(state.body().contains("\"step\":12") && state.body().contains("\"status\":\"running\""),
                state.body());
        assertTrue(get(url + "/metrics").body().contains("mpjhpc_fv_steps_total{job=\"j\"} 12.0"));
        java.util.concurrent.atomic.AtomicBoolean sawDone = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = new Thread(() -> { // a page polling, as the real one does
            try {
                while (true) {
                    if (get(url + "/api/state").body().contains("\"status\":\"done\"")) {
                        sawDone.set(true);
                        return;
                    }
                    Thread.sleep(300);
                }
            } catch (Exception e) {
                // the server went away before the final state was fetched: sawDone stays false
            }
        });
        watcher.start();
        m.finish("done");
        watcher.join(5000);
        assertTrue(sawDone.get(), "the watcher got the final state before the server stopped");
        assertTrue(!Board.get().on(), "the board is gone with the server");
    }
}
