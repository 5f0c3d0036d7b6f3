package org.mpjhpc.farm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs one task on a worker and turns whatever happens into an {@link Outcome}. */
final class TaskRunner {
    /** Shell output kept in the report, at most. */
    static final int MAX_OUTPUT = 4096;

    private final int worker;
    private final long epochMs;
    private final ResourceClient resources;

    /**
     * @param epochMs   the job's start, so times in outcomes are relative to it
     * @param resources the worker's access to the shared resources, or null outside a farm
     */
    TaskRunner(int worker, long epochMs, ResourceClient resources) {
        this.worker = worker;
        this.epochMs = epochMs;
        this.resources = resources;
    }

    Outcome run(TaskSpec task) {
        long start = System.currentTimeMillis();
        String result = null;
        String error = null;
        try {
            result = execute(task);
        } catch (TaskFailure f) {
            error = f.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception | LinkageError | StackOverflowError e) {
            error = e.toString();
        }
        long end = System.currentTimeMillis();
        return new Outcome(task.id(), task.attempt(), worker, error == null, result, error,
                start - epochMs, end - epochMs);
    }

    private String execute(TaskSpec task) throws Exception {
        TaskKind kind = task.kind();
        if (kind instanceof TaskKind.Fib f) {
            return Long.toString(Kernels.fib(f.n()));
        } else if (kind instanceof TaskKind.Sleep s) {
            Thread.sleep(s.ms());
            return null;
        } else if (kind instanceof TaskKind.Spin s) {
            return Long.toString(Kernels.spin(s.ms()));
        } else if (kind instanceof TaskKind.Cpu c) {
            return Long.toString(Kernels.burnCpu(c.ms()));
        } else if (kind instanceof TaskKind.Shell s) {
            return shell(s);
        } else if (kind instanceof TaskKind.Java j) {
            return java(j, task);
        } else if (kind instanceof TaskKind.Noop) {
            return null;
        }
        // A kind added without its runner fails as a task, never "succeeds" having done nothing.
        throw new TaskFailure("this worker cannot run task type '" + kind.type() + "'");
    }

    private String java(TaskKind.Java j, TaskSpec task) throws Exception {
        Class<?> type = Class.forName(j.className(), true, TaskRunner.class.getClassLoader());
        FarmTask instance = (FarmTask) type.getConstructor().newInstance();
        TaskContext context = new TaskContext(task.id(), task.attempt(), worker, j.args(), resources);
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

    private static String shell(TaskKind.Shell s) throws IOException, InterruptedException, TaskFailure {
        Path output = Files.createTempFile("mpjhpc-task", ".out");
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", s.command())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(s.timeoutMs(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new TaskFailure("timed out after " + s.timeoutMs() + " ms: " + tail(output));
            }
            int code = process.exitValue();
            if (code != 0) {
                throw new TaskFailure("exit code " + code + ": " + tail(output));
            }
            return tail(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The end of a command's output, where its verdict usually is. */
    private static String tail(Path output) throws IOException {
        byte[] bytes = Files.readAllBytes(output);
        int from = Math.max(0, bytes.length - MAX_OUTPUT);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).strip();
    }

    /** A task's own failure, reported with this message. */
    static final class TaskFailure extends Exception {
        TaskFailure(String message) {
            super(message);
        }
    }
}
