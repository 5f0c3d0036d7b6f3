package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpjhpc.app.UserError;
import org.mpjhpc.config.Section;

/** Reads and validates the {@code farm:} section of a job file. */
public final class FarmConfigReader {
    static final String TYPES = "fib, sleep, spin, shell, java, noop";

    private FarmConfigReader() {
    }

    /**
     * Reads {@code farm:}; every problem is a {@link UserError} naming file, line and key.
     *
     * @param np the MPI ranks of the run, or 0 when not known yet
     */
    public static FarmConfig read(Section farm, int np) {
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
        if (np > 0 && np != capacities.size() + 1) {
            throw farm.error("workers", capacities.size() + " worker capacities need -np " + (capacities.size() + 1)
                    + " (1 master + " + capacities.size() + " workers), but the job runs with -np " + np
                    + "; drop -np or list " + (np - 1) + " capacities");
        }
        int threads = farm.intIn("worker_threads", 1, 1, 1024);
        Section heartbeat = farm.optionalSection("heartbeat");
        long interval = heartbeat.longIn("interval_ms", 500, 1, 3_600_000);
        long timeout = heartbeat.longIn("timeout_ms", 10 * interval, 1, 86_400_000);
        if (timeout <= interval) {
            throw heartbeat.error("timeout_ms", "must be longer than interval_ms (" + interval + "), got " + timeout);
        }
        heartbeat.finish();
        List<Request> requests = new ArrayList<>();
        for (Section.Item item : farm.list("requests")) {
            requests.add(request(item.section(), capacities.size()));
        }
        farm.finish();
        return new FarmConfig(List.copyOf(capacities), threads, interval, timeout, List.copyOf(requests));
    }

    private static Request request(Section r, int workers) {
        int times = r.intIn("times", 1, 0, 100_000_000);
        long sleep = r.longIn("sleep_ms", 0, 0, 86_400_000);
        int worker = Request.ANY_WORKER;
        if (r.has("worker")) {
            worker = r.intIn("worker", 0, 0, workers - 1);
        }
        TaskKind task = task(r.section("task"));
        r.finish();
        return new Request(times, sleep, worker, task);
    }

    static TaskKind task(Section t) {
        String type = t.string("type");
        TaskKind kind = switch (type) {
            case "fib" -> new TaskKind.Fib(t.intIn("n", 0, 0, 92));
            case "sleep" -> new TaskKind.Sleep(t.longIn("ms", 0, 0, 86_400_000));
            case "spin" -> new TaskKind.Spin(t.longIn("ms", 0, 0, 86_400_000));
            case "shell" -> new TaskKind.Shell(t.string("command"), t.longIn("timeout_ms", 60_000, 1, 86_400_000));
            case "java" -> javaTask(t);
            case "noop" -> new TaskKind.Noop();
            default -> throw t.error("type", "unknown task type '" + type + "' (known: " + TYPES + ")");
        };
        t.finish();
        return kind;
    }

    private static TaskKind javaTask(Section t) {
        String className = t.string("class");
        checkTaskClass(className, t);
        Map<String, String> args = new LinkedHashMap<>();
        if (t.has("args")) {
            Section a = t.section("args");
            for (String name : a.keys()) {
                args.put(name, a.string(name));
            }
            a.finish();
        }
        return new TaskKind.Java(className, Map.copyOf(args));
    }

    private static void checkTaskClass(String className, Section t) {
        Class<?> type;
        try {
            type = Class.forName(className, false, FarmConfigReader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw t.error("class", "class '" + className + "' not found on the job's classpath"
                    + " (add its jar with MPJRUN_CLASSPATH)");
        }
        if (!FarmTask.class.isAssignableFrom(type)) {
            throw t.error("class", "class '" + className + "' does not implement " + FarmTask.class.getName());
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw t.error("class", "class '" + className + "' needs a public no-argument constructor");
        }
    }
}
