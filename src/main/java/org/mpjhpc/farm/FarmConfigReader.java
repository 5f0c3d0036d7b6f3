package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Quote;

/** Reads and validates the {@code farm:} section of a job file. */
public final class FarmConfigReader {
    static final List<String> KINDS = List.of("task", "add_worker", "stop_worker", "fault", "resource", "phase");

    private FarmConfigReader() {
    }

    /**
     * Reads {@code farm:}; every problem is a {@link UserError} naming file, line and key.
     *
     * @param np     the MPI ranks of the run, or 0 when not known yet
     * @param outDir the job's folder, where its journal is
     * @param resume {@code --resume}: go on from the journal there
     */
    public static FarmConfig read(Section farm, int np, String outDir, boolean resume) {
        List<Integer> capacities = capacities(farm);
        int standby = farm.intIn("standby", 0, 0, 10_000);
        int workers = capacities.size() + standby;
        boolean stealing = farm.bool("stealing", true);
        String order = farm.string("order", "fifo");
        if (!order.equals("fifo") && !order.equals("longest_first")) {
            throw farm.error("order", "unknown order " + Quote.of(order) + " (known: fifo, longest_first)");
        }
        int threads = farm.intIn("worker_threads", 1, 1, 1024);
        Heartbeat heartbeat = heartbeat(farm.optionalSection("heartbeat"));
        List<Action.DeclareResource> resources = new ArrayList<>();
        if (farm.has("resources")) {
            for (Section.Item item : farm.list("resources")) {
                resources.add(resource(item.section()));
            }
        }
        List<Request> requests = new ArrayList<>();
        for (Section.Item item : farm.list("requests")) {
            requests.add(request(item.section(), workers));
        }
        ControlConfig control = control(farm.optionalSection("control"));
        int maxAttempts = farm.intIn("max_attempts", 3, 1, 1000);
        Durability durability = durability(farm);
        farm.finish();
        FarmConfig config = new FarmConfig(List.copyOf(capacities), standby, stealing, order.equals("longest_first"),
                threads, heartbeat.intervalMs(), heartbeat.timeoutMs(), List.copyOf(resources), List.copyOf(requests),
                control, maxAttempts, durability);
        checkMemory(config, farm);
        return FarmJournal.check(config, outDir, resume, farm.origin());
    }

    /** What the master keeps per task until the end: two bits (recorded, retried), rounded up; the records go to a file. */
    static final long MASTER_BYTES_PER_TASK = 1;

    /**
     * Refuses a job whose task records cannot fit the master's heap, before it runs for
     * hours and dies at the end; checked again at rank 0, whose heap is the one that counts.
     */
    private static void checkMemory(FarmConfig config, Section farm) {
        long heap = Runtime.getRuntime().maxMemory();
        long need = config.totalTasks() * MASTER_BYTES_PER_TASK;
        if (need > heap * 0.8) {
            throw new UserError(farm.origin() + ": " + farm.path() + ".requests: " + config.totalTasks()
                    + " tasks need about " + need / (1 << 20) + " MB on the master (" + MASTER_BYTES_PER_TASK
                    + " bytes each), more than 80% of its heap of " + heap / (1 << 20)
                    + " MB; give it more (MPJRUN_JVM_OPTS=-Xmx...) or split the job");
        }
    }

    private static Durability durability(Section farm) {
        Section j = farm.optionalSection("journal");
        String sync = j.oneOf("sync", "batch", "batch", "every", "none", "off");
        long flushMs = j.longIn("flush_ms", 200, 1, 60_000);
        j.finish();
        long grace = farm.longIn("shutdown_grace_s", 30, 0, 86_400);
        long watchdog = farm.longIn("watchdog_s", 0, 0, 30 * 86_400);
        return new Durability(Journal.Sync.valueOf(sync.toUpperCase(java.util.Locale.ROOT)), flushMs, false,
                grace * 1000, watchdog * 1000);
    }

    private static List<Integer> capacities(Section farm) {
        List<Integer> capacities = new ArrayList<>();
        for (Section.Item item : farm.list("workers")) {
            long capacity = item.longValue();
            if (capacity < 1 || capacity > 1_000_000) {
                throw item.error("worker capacity must be between 1 and 1000000, got " + capacity);
            }
            capacities.add((int) capacity);
        }
        if (capacities.isEmpty()) {
            throw farm.error("workers", "list at least one worker capacity, e.g. [3, 4, 5]");
        }
        return capacities;
    }

    private record Heartbeat(long intervalMs, long timeoutMs) {
    }

    /** The timeout must exceed the interval. */
    private static Heartbeat heartbeat(Section heartbeat) {
        long interval = heartbeat.longIn("interval_ms", 500, 1, 3_600_000);
        long timeout = heartbeat.longIn("timeout_ms", 10 * interval, 1, 86_400_000);
        if (timeout <= interval) {
            throw heartbeat.error("timeout_ms", "must be longer than interval_ms (" + interval + "), got " + timeout);
        }
        heartbeat.finish();
        return new Heartbeat(interval, timeout);
    }

    private static Request request(Section r, int workers) {
        int times = r.intIn("times", 1, 0, 100_000_000);
        long sleep = r.longIn("sleep_ms", 0, 0, 86_400_000);
        List<String> kinds = new ArrayList<>();
        for (String kind : KINDS) {
            if (r.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw new UserError(r.origin() + ": " + r.path() + ": each request needs exactly one of "
                    + String.join(", ", KINDS) + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds)));
        }
        Action action = switch (kinds.get(0)) {
            case "task" -> submit(r.section("task"),
                    r.has("worker") ? r.intIn("worker", 0, 0, workers - 1) : Request.ANY_WORKER,
                    r.has("max_attempts") ? r.intIn("max_attempts", 1, 1, 1000) : 0);
            case "add_worker" -> addWorker(r.section("add_worker"));
            case "stop_worker" -> stopWorker(r.section("stop_worker"), workers);
            case "resource" -> resource(r.section("resource"));
            case "phase" -> phase(r.section("phase"));
            default -> fault(r.section("fault"), workers);
        };
        r.finish();
        return new Request(times, sleep, action);
    }

    private static Action addWorker(Section a) {
        Action action = new Action.AddWorker(a.intIn("capacity", 1, 1, 1_000_000));
        a.finish();
        return action;
    }

    private static Action stopWorker(Section s, int workers) {
        Action action = new Action.StopWorker(s.intIn("worker", 0, 0, workers - 1));
        s.finish();
        return action;
    }

    /** The environment variable that may hold the control endpoint's token. */
    static final String TOKEN_ENV = "MPJHPC_CONTROL_TOKEN";

    private static ControlConfig control(Section c) {
        boolean enabled = c.bool("enabled", false);
        String bind = c.string("bind", "127.0.0.1");
        int port = c.intIn("port", 0, 0, 65535);
        String token = c.string("token", System.getenv(TOKEN_ENV));
        int maxBody = c.intIn("max_body_bytes", 65536, 64, 16 << 20);
        boolean wait = c.bool("wait_for_shutdown", true);
        c.finish();
        if (!enabled) {
            return ControlConfig.OFF;
        }
        if (token == null || token.length() < 8) {
            throw new UserError(c.origin() + ": " + c.key("token") + ": the control endpoint needs a bearer token of"
                    + " at least 8 characters, in the config or in $" + TOKEN_ENV);
        }
        return new ControlConfig(true, bind, port, token, maxBody, wait);
    }

    /** Reads a shared-resource declaration ({@code name}, {@code type}, {@code value}). */
    static Action.DeclareResource resource(Section r) {
        String name = r.string("name");
        String typeName = r.string("type");
        ResourceType type = ResourceType.named(typeName);
        if (type == null) {
            throw r.error("type", "unknown resource type " + Quote.of(typeName) + " (known: int, long, double, bool, string,"
                    + " list, map)");
        }
        Object value;
        try {
            value = type.coerce(r.plain("value"));
        } catch (IllegalArgumentException e) {
            throw r.error("value", e.getMessage());
        }
        r.finish();
        return new Action.DeclareResource(name, type, value);
    }

    private static Action phase(Section p) {
        Action action = new Action.Phase(p.string("name", "phase"));
        p.finish();
        return action;
    }

    private static Action fault(Section f, int workers) {
        int worker = f.intIn("worker", 0, 0, workers - 1);
        String kind = f.string("kind");
        if (!kind.equals("kill") && !kind.equals("hang")) {
            throw f.error("kind", "unknown fault " + Quote.of(kind) + " (known: kill, hang)");
        }
        long ms = f.longIn("ms", 0, 0, 86_400_000);
        f.finish();
        return new Action.Fault(worker, kind, ms);
    }

    /** A submission of {@code task:}, with its {@code timeout_ms} (shell tasks keep theirs in the kind). */
    static Action.Submit submit(Section t, int worker, int maxAttempts) {
        long timeout = "shell".equals(t.string("type", "")) ? 0 : t.longIn("timeout_ms", 0, 0, 86_400_000);
        return new Action.Submit(task(t), worker, maxAttempts, timeout);
    }

    static TaskKind task(Section t) {
        String name = t.string("type");
        TaskType<?> type = TaskType.named(name);
        if (type == null) {
            throw t.error("type", "unknown task type " + Quote.of(name) + " (known: " + TaskType.NAMES + ")");
        }
        TaskKind kind = type.parse().read(t);
        t.finish();
        return kind;
    }
}
