package org.mpjhpc.farm;

/** Rough run-time estimates, in nanoseconds, for ordering tasks; 0 when unknown. */
final class Costs {
    private Costs() {
    }

    static double estimate(TaskKind kind) {
        return TaskType.of(kind).costOf(kind);
    }
}
