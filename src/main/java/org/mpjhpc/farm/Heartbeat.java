package org.mpjhpc.farm;

/**
 * A worker's periodic sign of life, with its counters so far.
 *
 * @param completed tasks it finished (succeeded or failed)
 * @param failed    of those, the ones that failed
 * @param busyNanos time its executor spent running tasks
 * @param running   tasks it holds now (queued or running)
 */
public record Heartbeat(long completed, long failed, long busyNanos, int running) {
}
