package org.mpjhpc.farm;

import java.io.Serializable;
import java.util.Map;

/** What a task does. The task types a job file may name, with their parameters. */
public sealed interface TaskKind extends Serializable {
    /** The name used in job files and reports (the task-type table's). */
    default String type() {
        return TaskType.of(this).name();
    }

    /** Naive recursive Fibonacci: a CPU load whose answer is known. */
    record Fib(int n) implements TaskKind {
    }

    /** Waits without using the CPU. */
    record Sleep(long ms) implements TaskKind {
    }

    /** Keeps one core busy for the given time. */
    record Spin(long ms) implements TaskKind {
    }

    /**
     * Uses the given milliseconds of its own thread's CPU time: unlike {@link Spin}, whose
     * clock is the wall, the same work however many processes share the cores.
     */
    record Cpu(long ms) implements TaskKind {
    }

    /** Runs {@code /bin/sh -c command}; a non-zero exit or a timeout is a failed task. */
    record Shell(String command, long timeoutMs) implements TaskKind {
    }

    /** Runs a class implementing {@link FarmTask}, with string arguments. */
    record Java(String className, Map<String, String> args) implements TaskKind {
    }

    /** Does nothing: measures the farm's own overhead per task. */
    record Noop() implements TaskKind {
    }
}
