package org.mpjhpc.farm;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on a worker and turns whatever happens into an {@link Outcome}. */
final class TaskRunner {
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

    /** What a task's run may use besides its parameters. */
    record Env(TaskSpec task, int worker, ResourceClient resources) {
    }

    private String execute(TaskSpec task) throws Exception {
        return task.timeoutMs() > 0 ? within(task) : run(task, task.kind());
    }

    private String run(TaskSpec task, TaskKind kind) throws Exception {
        return TaskType.of(kind).runAny(kind, new Env(task, worker, resources));
    }

    /**
     * Runs a task with a time limit on a thread of its own: when the limit passes, the task
     * is interrupted and reported failed, and this executor thread goes on. A task that
     * ignores the interrupt keeps its thread (a daemon) but no longer holds up the worker.
     */
    private String within(TaskSpec task) throws Exception {
        FutureTask<String> run = new FutureTask<>(() -> run(task, task.kind()));
        Thread thread = new Thread(run, "task-" + task.id());
        thread.setDaemon(true);
        thread.start();
        try {
            return run.get(task.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new TaskFailure("timed out after " + task.timeoutMs() + " ms (timeout_ms)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error error) {
                throw error; // an ExecutorDeath kills this executor thread, as without a time limit
            }
            throw e;
        } catch (InterruptedException e) {
            thread.interrupt(); // this executor is being killed: the task goes with it
            throw e;
        }
    }

    /** A task's own failure, reported with this message. */
    static final class TaskFailure extends Exception {
        TaskFailure(String message) {
            super(message);
        }
    }
}
