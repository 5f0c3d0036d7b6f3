package org.mpjhpc.farm;


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
        return TaskType.of(task.kind()).runAny(task.kind(), new Env(task, worker, resources));
    }

    /** A task's own failure, reported with this message. */
    static final class TaskFailure extends Exception {
        TaskFailure(String message) {
            super(message);
        }
    }
}
