package org.mpjhpc.farm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.mpjhpc.config.JsonLoader;
import org.mpjhpc.config.Node;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Quote;

/**
 * The live control endpoint on rank 0: the seed's routes plus status and shutdown.
 *
 * <pre>
 *  POST /send            {"type": "fib", "n": 30}          a task for the master queue
 *  POST /send/{worker}   {"type": "sleep", "ms": 100}      a task for one worker's queue
 *  POST /resource        {"name":..,"type":..,"value":..}  declare a shared resource
 *  POST /add             {"capacity": 5}                   activate a standby worker
 *  POST /stop/{worker}                                     deactivate a worker
 *  POST /shutdown                                          end the job once its work drained
 *  GET  /status                                            queues, workers, locks, counters
 * </pre>
 *
 * HTTP threads never touch the farm: each request becomes a {@link Command} that the
 * master's event loop carries out between two MPI polls, answering through a future.
 * Every request needs {@code Authorization: Bearer TOKEN} (401 otherwise); bodies are
 * JSON, limited in size (413) and depth; mistakes get a JSON error and a 4xx, never a crash.
 *
 * <p>Slow clients cannot starve it: a request must arrive whole within
 * {@link #REQUEST_SECONDS} and its answer be taken within as long (the JDK server's own
 * timers, which close the connection), and up to {@link #HANDLERS} requests are served at
 * once, so {@code /status} is answered at once while a few clients trickle bytes.
 */
final class ControlServer implements AutoCloseable {
    /** Something the master loop must do for an HTTP request; the result is the JSON reply. */
    record Command(String route, int worker, Object payload, CompletableFuture<Reply> reply) {
    }

    /** An HTTP answer. */
    record Reply(int status, ObjectNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int HANDLERS = 64;
    static final int REQUEST_SECONDS = 5;

    static {
        // Read once, when the JDK's HTTP server is first used: this class comes first.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime",
                Integer.toString(REQUEST_SECONDS)));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime",
                Integer.toString(REQUEST_SECONDS)));
    }
    private final ControlConfig config;
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Command> inbox = new ConcurrentLinkedQueue<>();

    /** The routes served on the live monitor's port: one port serves all. */
    static final String[] ROUTES = {"/send", "/resource", "/add", "/stop", "/shutdown", "/status"};
    private final String mountedAt;

    /** The routes on the live monitor's server, at {@code url}. */
    ControlServer(ControlConfig config, org.mpjhpc.monitor.Board board) {
        this.config = config;
        this.server = null;
        String url = null;
        for (String route : ROUTES) {
            url = board.mount(route, this::handle);
        }
        this.mountedAt = url;
    }

    ControlServer(ControlConfig config) throws IOException {
        this.config = config;
        this.mountedAt = null;
        server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
        ThreadPoolExecutor handlers = new ThreadPoolExecutor(HANDLERS, HANDLERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "control-http");
                    t.setDaemon(true);
                    return t;
                });
        handlers.allowCoreThreadTimeOut(true); // threads only while requests come
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where the endpoint listens, e.g. {@code http://127.0.0.1:43125}. */
    String url() {
        if (mountedAt != null) {
            return mountedAt;
        }
        return "http://" + config.bind() + ":" + server.getAddress().getPort();
    }

    /** Hands each waiting command to the master loop; returns how many there were. */
    int drain(Function<Command, Reply> master) {
        int n = 0;
        for (Command c; (c = inbox.poll()) != null; n++) {
            Reply reply;
            try {
                reply = master.apply(c);
            } catch (UserError e) {
                reply = error(400, e.getMessage());
            }
            c.reply().complete(reply);
        }
        return n;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (NotFound e) {
            reply = error(404, e.getMessage());
        } catch (UserError e) {
            reply = error(400, e.getMessage());
        } catch (RuntimeException e) {
            reply = error(500, "internal error: " + e);
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (reply.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        Parsed p = parse(config, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), readBody(exchange.getRequestBody()));
        if (p.reply() != null) {
            return p.reply();
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        inbox.add(new Command(p.route(), p.worker(), p.payload(), reply));
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return error(503, "the master did not answer in time");
        }
    }

    /** A request read and checked: a reply at once (a mistake), or work for the master loop. */
    record Parsed(Reply reply, String route, int worker, Object payload) {
    }

    /**
     * Reads a request without touching the farm: any method, path, header and body give a
     * {@link Parsed}, a mistake a 4xx reply, never an exception.
     *
     * @param body the body, or null when it was larger than allowed
     */
    static Parsed parse(ControlConfig config, String method, String path, String authorization, byte[] body) {
        try {
            return route(config, method, path, authorization, body);
        } catch (NotFound e) {
            return new Parsed(error(404, e.getMessage()), null, 0, null);
        } catch (UserError e) {
            return new Parsed(error(400, e.getMessage()), null, 0, null);
        }
    }

    private static Parsed route(ControlConfig config, String method, String path, String authorization,
            byte[] body) {
        if (!authorised(config, authorization)) {
            return new Parsed(error(401, "missing or wrong bearer token"), null, 0, null);
        }
        String[] parts = path.replaceAll("/+$", "").split("/");
        String route = parts.length > 1 ? parts[1] : "";
        boolean get = route.equals("status");
        if (!route.isEmpty() && !method.equals(get ? "GET" : "POST")) {
            return new Parsed(error(405, Quote.clip(method) + " is not allowed on /" + Quote.clip(route) + " (use "
                    + (get ? "GET" : "POST") + ")"), null, 0, null);
        }
        if (body == null) {
            return new Parsed(error(413, "request body larger than " + config.maxBodyBytes() + " bytes"), null, 0, null);
        }
        if (parts.length > 3) {
            throw new NotFound();
        }
        int worker = parts.length > 2 ? workerId(parts[2]) : Request.ANY_WORKER;
        Object payload = switch (route) {
            case "send" -> submit(section(body, "task"), worker);
            case "resource" -> FarmConfigReader.resource(section(body, "resource"));
            case "add" -> new Action.AddWorker(capacity(section(body, "add")));
            case "stop" -> new Action.StopWorker(worker);
            case "status", "shutdown" -> null;
            default -> throw new NotFound();
        };
        if (route.equals("stop") && worker == Request.ANY_WORKER) {
            return new Parsed(error(400, "name the worker: POST /stop/{worker}"), null, 0, null);
        }
        return new Parsed(null, route, worker, payload);
    }

    private static boolean authorised(ControlConfig config, String header) {
        byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
        byte[] wanted = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, wanted);
    }

    /** The body, or null when it is larger than allowed. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
        return body.length > config.maxBodyBytes() ? null : body;
    }

    private static Section section(byte[] body, String what) {
        Node node = JsonLoader.parse(body, "request body");
        if (node == null) {
            throw new UserError("request body: expected a JSON object describing the " + what);
        }
        return new Section(node, "");
    }

    /** A task, with its own {@code max_attempts} when the body gives one. */
    private static Action.Submit submit(Section task, int worker) {
        int maxAttempts = task.has("max_attempts") ? task.intIn("max_attempts", 0, 1, 1000) : 0;
        return FarmConfigReader.submit(task, worker, maxAttempts);
    }

    private static int capacity(Section add) {
        int capacity = add.intIn("capacity", 1, 1, 1_000_000);
        add.finish();
        return capacity;
    }

    private static int workerId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserError(Quote.of(text) + " is not a worker id");
        }
    }

    static Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        return new Reply(status, body);
    }

    static Reply ok(ObjectNode body) {
        return new Reply(200, body);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        // Up to a second for replies in flight (the answer to /shutdown among them).
        if (server != null) {
            server.stop(1);
        }
    }

    /** An unknown route. */
    private static final class NotFound extends UserError {
        NotFound() {
            super("no such route (known: POST /send, /send/{worker}, /resource, /add, /stop/{worker}, /shutdown;"
                    + " GET /status)");
        }
    }
}
