package org.mpjhpc.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mpjhpc.config.MonitorConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.JsonText;

/**
 * The live monitor on rank 0: one small HTTP site for people and for Prometheus.
 *
 * <pre>
 *  GET /             the page: self-contained HTML, polls /api/state once a second
 *  GET /api/state    the job's view, its series, recent events (JSON)
 *  GET /metrics      Prometheus text format, from the official client
 *  GET /image.png    the latest picture the job published (the solver's density)
 * </pre>
 *
 * A job may mount routes of its own (the farm's control endpoint). Off loopback, every
 * request needs the token: {@code Authorization: Bearer TOKEN}, or the cookie that
 * {@code /?token=TOKEN} sets, since a browser cannot send the header for a page.
 */
public final class MonitorServer implements AutoCloseable {
    /** How long the server waits at the end for a page that is watching to fetch the final state. */
    static final long LINGER_MS = 2500;
    private static final String COOKIE = "mpjhpc_token";

    static {
        // Read when the JDK's HTTP server is first used: a request must arrive whole and its
        // answer be taken within 5 s, so slow clients cannot hold the handlers.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "5"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "5"));
    }

    private final MonitorConfig config;
    private final Board board;
    private final HttpServer server;
    /** Made at the first scrape: the client's start-up is not paid by a job nobody scrapes. */
    private Metrics metrics;
    private volatile long lastPoll;
    private volatile long lastPollAfterFinish;

    private MonitorServer(MonitorConfig config, Board board, HttpServer server) {
        this.config = config;
        this.board = board;
        this.server = server;
        ThreadPoolExecutor handlers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "monitor-http");
                    t.setDaemon(true);
                    return t;
                });
        handlers.allowCoreThreadTimeOut(true);
        server.setExecutor(handlers);
        route("/", this::page);
        route("/api/state", this::state);
        route("/metrics", this::metrics);
        route("/image.png", this::image);
        server.start();
    }

    /**
     * Starts the monitor for the job: binds (the default port, else the next free one),
     * installs the board, writes {@code monitor.json} with the URL and says where it is.
     */
    public static MonitorServer start(MonitorConfig config, String job, String kind, String outDir) {
        Board board = new Board(job, kind);
        MonitorServer m = new MonitorServer(config, board, bind(config));
        Board.install(board, m);
        AtomicWrite.text(Path.of(outDir, "monitor.json"), "{\"url\": \"" + m.url() + "\"}\n");
        Log.info("monitor: " + m.url() + "/ (metrics at " + m.url() + "/metrics)"
                + (config.token() != null ? "; open " + m.url() + "/?token=TOKEN once to sign in" : ""));
        return m;
    }

    private static HttpServer bind(MonitorConfig c) {
        int tries = c.port() == MonitorConfig.DEFAULT_PORT ? 10 : 1;
        for (int i = 0; ; i++) {
            try {
                return HttpServer.create(new InetSocketAddress(c.bind(), c.port() + i), 16);
            } catch (BindException e) {
                if (i + 1 >= tries) {
                    throw new UncheckedIOException("cannot start the monitor on " + c.bind() + ":" + c.port()
                            + (tries > 1 ? "-" + (c.port() + tries - 1) : "") + ": " + e.getMessage()
                            + " (choose another with --monitor PORT, or 0 for any free port)", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the monitor on " + c.bind() + ":" + c.port() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:8090}. */
    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** Serves {@code path} (and below it) with a job's own handler, behind the same token. */
    void mount(String path, HttpHandler handler) {
        route(path, handler);
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (!authorised(exchange)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                    send(exchange, 401, "text/plain", "missing or wrong token\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                Log.debug("monitor: " + exchange.getRequestURI() + ": " + e);
            }
        });
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (config.token() == null) {
            return true;
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("token=") && same(query.substring(6), config.token())) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + config.token()
                    + "; HttpOnly; SameSite=Strict; Path=/");
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && same(header, "Bearer " + config.token())) {
            return true;
        }
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies != null) {
            for (String c : cookies.split(";\\s*")) {
                if (c.startsWith(COOKIE + "=") && same(c.substring(COOKIE.length() + 1), config.token())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(String given, String wanted) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), wanted.getBytes(StandardCharsets.UTF_8));
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "text/plain", "no such page (known: /, /api/state, /metrics, /image.png)\n"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", Page.html());
    }

    private void state(HttpExchange exchange) throws IOException {
        lastPoll = System.nanoTime();
        boolean finished = board.finished();
        byte[] body = JsonText.compact(board.snapshot()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json", body);
        if (finished) {
            lastPollAfterFinish = System.nanoTime();
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        byte[] body;
        synchronized (this) {
            if (metrics == null) {
                metrics = new Metrics(board);
            }
            body = metrics.scrape();
        }
        send(exchange, 200, Metrics.CONTENT_TYPE, body);
    }

    private void image(HttpExchange exchange) throws IOException {
        byte[] png = board.imageBytes();
        if (png == null) {
            send(exchange, 404, "text/plain", "no image yet\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "image/png", png);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Marks the job ended ({@code done} or {@code failed}) and stops serving: a page that
     * polled in the last seconds gets up to {@link #LINGER_MS} to fetch the final state, so it
     * shows how the job ended rather than only that the server went away.
     */
    public void finish(String how) {
        board.finish(how);
        long watchedWithin = System.nanoTime() - lastPoll;
        if (lastPoll != 0 && watchedWithin < 3_000_000_000L) {
            long deadline = System.nanoTime() + LINGER_MS * 1_000_000L;
            while (lastPollAfterFinish == 0 && System.nanoTime() < deadline) {
                sleep(50);
            }
        }
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        Board.install(null, null);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
