package org.mpjhpc.farm;

/**
 * A task written in Java. Name the implementing class in a job file as
 * {@code task: {type: java, class: my.pkg.MyTask, args: {key: value}}}; the class needs a
 * public no-argument constructor and must be on the job's classpath.
 *
 * <p>An exception thrown by {@link #run} becomes a failed task in the report; it does
 * not stop the worker or the job.
 */
public interface FarmTask {
    /**
     * Runs the task once.
     *
     * @param context the task's arguments and where it runs
     * @return the task's result; its {@code toString()} goes into the report
     * @throws Exception any failure, reported as the task's error
     */
    Object run(TaskContext context) throws Exception;
}
