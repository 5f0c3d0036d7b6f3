package org.mpjhpc.monitor;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;

/**
 * What the monitor shows of a running job: the job's latest view (published by its master
 * loop at its own pace, never waited for), a few series over time for the charts, recent
 * events, and the latest image. Rank 0 holds one when {@code --monitor} is on; every other
 * caller gets {@link #off()}, whose methods do nothing, so a job publishes without asking.
 * The HTTP threads only read copies made under the board's lock.
 */
public final class Board {
    /** Points kept per series: 15 minutes at one a second. */
    static final int HISTORY = 900;
    static final int EVENTS = 50;
    private static final long POINT_NANOS = 1_000_000_000L;
    private static final Board OFF = new Board(null, null);
    private static volatile Board current = OFF;

    private final String job;
    private final String kind;
    private final long start = System.nanoTime();
    private JsonObject state = new JsonObject();
    private long version;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final ArrayDeque<JsonObject> events = new ArrayDeque<>();
    private long eventCount;
    private byte[] image;
    private int imageSeq;
    private String status = "running";
    private long finishedAt;
    private MonitorServer server;

    Board(String job, String kind) {
        this.job = job;
        this.kind = kind;
    }

    /** The board of this rank's job, or one that ignores everything. */
    public static Board get() {
        return current;
    }

    /** A board that ignores everything. */
    public static Board off() {
        return OFF;
    }

    static void install(Board board, MonitorServer server) {
        if (board != null) {
            board.server = server;
        }
        current = board == null ? OFF : board;
    }

    /**
     * Serves {@code path} on the monitor's port with a job's own handler (the farm's control
     * routes), behind the monitor's token; returns the monitor's URL, or null when it is off.
     */
    public String mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        if (!on()) {
            return null;
        }
        server.mount(path, handler);
        return server.url();
    }

    /** Whether anybody may look: a job skips building views when not. */
    public boolean on() {
        return this != OFF;
    }

    String job() {
        return job;
    }

    String kind() {
        return kind;
    }

    /** The job's view now (its own fields, by kind); replaces the last one. */
    public synchronized void publish(JsonObject view) {
        if (on()) {
            state = view;
            version++;
        }
    }

    /** One value of a series for the charts; kept at most once a second. */
    public synchronized void record(String name, double value) {
        if (on()) {
            series.computeIfAbsent(name, n -> new Series()).add(System.nanoTime() - start, value);
        }
    }

    /** Something that happened (a death, a requeue, a steal, a phase). */
    public synchronized void event(String kind, int worker, String detail) {
        if (!on()) {
            return;
        }
        JsonObject e = new JsonObject().put("t_s", seconds()).put("kind", kind).put("worker", worker)
                .put("detail", detail);
        events.addLast(e);
        eventCount++;
        if (events.size() > EVENTS) {
            events.removeFirst();
        }
    }

    /** The latest picture (a PNG), e.g. the solver's density field. */
    public synchronized void image(byte[] png) {
        if (on()) {
            image = png;
            imageSeq++;
        }
    }

    /** The job has ended: {@code done} or {@code failed}; the view stays as it was last published. */
    public synchronized void finish(String how) {
        status = how;
        finishedAt = System.nanoTime();
    }

    synchronized boolean finished() {
        return !status.equals("running");
    }

    synchronized long finishedAt() {
        return finishedAt;
    }

    synchronized byte[] imageBytes() {
        return image;
    }

    synchronized JsonObject state() {
        return state;
    }

    /** Everything the page needs, as one JSON object (a copy). */
    synchronized JsonObject snapshot() {
        JsonObject o = new JsonObject().put("job", job).put("kind", kind).put("status", status)
                .put("elapsed_s", seconds()).put("version", version).put("image_seq", imageSeq);
        o.putValue("state", state);
        JsonObject h = o.putObject("history");
        series.forEach((name, s) -> s.write(h.putArray(name)));
        JsonArray ev = o.putArray("events");
        events.forEach(ev::addValue);
        o.put("events_total", eventCount);
        return o;
    }

    private double seconds() {
        long end = finishedAt > 0 ? finishedAt : System.nanoTime();
        return Math.round((end - start) / 1e6) / 1e3;
    }

    /** A series' points, (seconds since start, value), one a second at most, the last {@link #HISTORY}. */
    private static final class Series {
        private final double[] t = new double[HISTORY];
        private final double[] v = new double[HISTORY];
        private int size;
        private int head;
        private long lastNanos = Long.MIN_VALUE;

        void add(long sinceStart, double value) {
            if (size > 0 && sinceStart - lastNanos < POINT_NANOS) {
                v[(head + size - 1) % HISTORY] = value; // the latest value for the current second
                return;
            }
            lastNanos = sinceStart;
            int i = (head + size) % HISTORY;
            if (size == HISTORY) {
                head = (head + 1) % HISTORY;
            } else {
                size++;
            }
            t[i] = Math.round(sinceStart / 1e6) / 1e3;
            v[i] = value;
        }

        void write(JsonArray out) {
            for (int k = 0; k < size; k++) {
                int i = (head + k) % HISTORY;
                out.addArray().add(t[i]).add(v[i]);
            }
        }
    }
}
