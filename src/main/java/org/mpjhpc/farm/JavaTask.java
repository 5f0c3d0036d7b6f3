package org.mpjhpc.farm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mpjhpc.config.Section;
import org.mpjhpc.log.Quote;

/** The {@code java} task type's row: a user's {@link FarmTask} class with string arguments. */
final class JavaTask {
    private JavaTask() {
    }

    /** Reads {@code class} and {@code args}; the class must be loadable and a {@link FarmTask} now, not at run time. */
    static TaskKind.Java parse(Section t) {
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
            type = Class.forName(className, false, JavaTask.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw t.error("class", "class " + Quote.of(className) + " not found on the job's classpath"
                    + " (add its jar with MPJRUN_CLASSPATH)");
        }
        if (!FarmTask.class.isAssignableFrom(type)) {
            throw t.error("class", "class " + Quote.of(className) + " does not implement " + FarmTask.class.getName());
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw t.error("class", "class " + Quote.of(className) + " needs a public no-argument constructor");
        }
    }

    static void write(TaskKind.Java j, DataOutputStream out) throws IOException {
        Wire.writeString(out, j.className());
        out.writeInt(j.args().size());
        for (Map.Entry<String, String> e : j.args().entrySet()) {
            Wire.writeString(out, e.getKey());
            Wire.writeString(out, e.getValue());
        }
    }

    static TaskKind.Java read(DataInputStream in) throws IOException {
        String className = Wire.readString(in);
        int n = in.readInt();
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            args.put(Wire.readString(in), Wire.readString(in));
        }
        return new TaskKind.Java(className, args);
    }

    static String run(TaskKind.Java j, TaskRunner.Env env) throws Exception {
        Class<?> type = Class.forName(j.className(), true, JavaTask.class.getClassLoader());
        FarmTask instance = (FarmTask) type.getConstructor().newInstance();
        TaskContext context = new TaskContext(env.task().id(), env.task().attempt(), env.worker(), j.args(),
                env.resources());
        Object value;
        try {
            value = instance.run(context);
        } catch (Exception e) {
            context.releaseHeld();
            throw e;
        }
        // Not in a finally: a task that killed its executor (an Error) keeps its locks,
        // as a crashed worker would, until the master's recovery releases them.
        context.releaseHeld();
        return value == null ? null : value.toString();
    }
}
