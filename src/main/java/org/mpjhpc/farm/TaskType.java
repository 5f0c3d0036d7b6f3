package org.mpjhpc.farm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.mpjhpc.config.Section;

/**
 * One built-in task type, everything about it in one row: its name in job files and
 * reports, how its parameters are read from a {@code task:} section, written to and read
 * from the wire, run on a worker, and its estimated cost for {@code order: longest_first}.
 * {@link #ALL} is the table; a new type is a {@link TaskKind} record and one row here.
 *
 * @param <K> the task kind this row describes
 */
record TaskType<K extends TaskKind>(String name, Class<K> kind, Parse<K> parse, Encode<K> encode, Decode<K> decode,
        Run<K> run, Cost<K> cost) {

    interface Parse<K> {
        K read(Section task);
    }

    interface Encode<K> {
        void write(K kind, DataOutputStream out) throws IOException;
    }

    interface Decode<K> {
        K read(DataInputStream in) throws IOException;
    }

    /** Runs the task; returns its result as text, or null for none. */
    interface Run<K> {
        String run(K kind, TaskRunner.Env env) throws Exception;
    }

    /** Estimated run time in nanoseconds; 0 when unknown. */
    interface Cost<K> {
        double nanos(K kind);
    }

    private static final long DAY_MS = 86_400_000;

    static final List<TaskType<?>> ALL = List.of(
            new TaskType<>("fib", TaskKind.Fib.class, t -> new TaskKind.Fib(t.intIn("n", 0, 0, 92)),
                    (f, out) -> out.writeInt(f.n()), in -> new TaskKind.Fib(in.readInt()),
                    (f, env) -> Long.toString(Kernels.fib(f.n())),
                    f -> 2.5 * Math.pow(1.618, f.n())), // about 2.5 ns per call on this class of machine
            new TaskType<>("sleep", TaskKind.Sleep.class, t -> new TaskKind.Sleep(t.longIn("ms", 0, 0, DAY_MS)),
                    (s, out) -> out.writeLong(s.ms()), in -> new TaskKind.Sleep(in.readLong()),
                    (s, env) -> {
                        Thread.sleep(s.ms());
                        return null;
                    }, s -> s.ms() * 1e6),
            new TaskType<>("spin", TaskKind.Spin.class, t -> new TaskKind.Spin(t.longIn("ms", 0, 0, DAY_MS)),
                    (s, out) -> out.writeLong(s.ms()), in -> new TaskKind.Spin(in.readLong()),
                    (s, env) -> Long.toString(Kernels.spin(s.ms())), s -> s.ms() * 1e6),
            new TaskType<>("cpu", TaskKind.Cpu.class, t -> new TaskKind.Cpu(t.longIn("ms", 0, 0, DAY_MS)),
                    (c, out) -> out.writeLong(c.ms()), in -> new TaskKind.Cpu(in.readLong()),
                    (c, env) -> Long.toString(Kernels.burnCpu(c.ms())), c -> c.ms() * 1e6),
            new TaskType<>("shell", TaskKind.Shell.class,
                    t -> new TaskKind.Shell(t.string("command"), t.longIn("timeout_ms", 60_000, 1, DAY_MS)),
                    (s, out) -> {
                        Wire.writeString(out, s.command());
                        out.writeLong(s.timeoutMs());
                    }, in -> new TaskKind.Shell(Wire.readString(in), in.readLong()),
                    (s, env) -> ShellTask.run(s), s -> 0),
            new TaskType<>("java", TaskKind.Java.class, JavaTask::parse, JavaTask::write, JavaTask::read,
                    JavaTask::run, j -> 0),
            new TaskType<>("noop", TaskKind.Noop.class, t -> new TaskKind.Noop(), (n, out) -> { },
                    in -> new TaskKind.Noop(), (n, env) -> null, n -> 0));

    /** The names a job file may use, for messages. */
    static final String NAMES = ALL.stream().map(TaskType::name).collect(Collectors.joining(", "));

    /** The row of a name; null when there is none. */
    static TaskType<?> named(String name) {
        for (TaskType<?> t : ALL) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The row of a task kind; a kind without one is a programming error, refused loudly. */
    static TaskType<?> of(TaskKind kind) {
        for (TaskType<?> t : ALL) {
            if (t.kind.isInstance(kind)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no task type row for " + kind.getClass().getName());
    }

    void write(TaskKind k, DataOutputStream out) throws IOException {
        encode.write(kind.cast(k), out);
    }

    String runAny(TaskKind k, TaskRunner.Env env) throws Exception {
        return run.run(kind.cast(k), env);
    }

    double costOf(TaskKind k) {
        return cost.nanos(kind.cast(k));
    }
}
