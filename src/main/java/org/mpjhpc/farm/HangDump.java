package org.mpjhpc.farm;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.mpjhpc.output.AtomicWrite;

/**
 * What the watchdog writes when the job is hung: the tasks each worker holds, the
 * shared-resource lock table (who holds, who waits), and every thread's whole stack with
 * the locks it holds and waits for. On the multicore device every rank is a thread of this
 * JVM, so the stacks are the workers' too.
 */
final class HangDump {
    private HangDump() {
    }

    /** Writes {@code hang-TIMESTAMP.txt} into {@code outDir}; returns its path. */
    static Path write(String outDir, String why, Scheduler scheduler, ResourceTable resources) {
        StringBuilder text = new StringBuilder("job hung: ").append(why).append("\n\n== tasks held by the workers ==\n");
        for (int w = 0; w < scheduler.workers(); w++) {
            for (TaskSpec t : scheduler.heldTasks(w)) {
                text.append("worker ").append(w).append(" (rank ").append(w + 1).append("): task ").append(t.id())
                        .append(" attempt ").append(t.attempt()).append(' ').append(t.kind()).append('\n');
            }
        }
        text.append("\n== shared-resource locks ==\n");
        resources.lockTable().forEach(line -> text.append(line).append('\n'));
        text.append("\n== threads (every rank on the multicore device) ==\n");
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            thread(text, t);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = Path.of(outDir, "hang-" + stamp + ".txt");
        AtomicWrite.text(file, text.toString());
        return file;
    }

    /** One thread in full (ThreadInfo.toString stops at 8 frames). */
    private static void thread(StringBuilder text, ThreadInfo t) {
        text.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
        if (t.getLockName() != null) {
            text.append(" waiting for ").append(t.getLockName());
            if (t.getLockOwnerName() != null) {
                text.append(" held by \"").append(t.getLockOwnerName()).append('"');
            }
        }
        text.append('\n');
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            text.append("    at ").append(stack[i]).append('\n');
            for (MonitorInfo m : t.getLockedMonitors()) {
                if (m.getLockedStackDepth() == i) {
                    text.append("      - holds ").append(m).append('\n');
                }
            }
        }
        for (LockInfo l : t.getLockedSynchronizers()) {
            text.append("    - holds ").append(l).append('\n');
        }
        text.append('\n');
    }
}
