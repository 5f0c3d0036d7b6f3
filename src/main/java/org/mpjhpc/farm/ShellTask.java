package org.mpjhpc.farm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The {@code shell} task type's run: {@code /bin/sh -c command}, its output's tail as the
 * result. The command runs in a session of its own, so that a timeout, a killed executor or
 * a stop signal ends its whole process tree before the task can run again; and a watcher
 * beside it reads a pipe from this JVM, so that when the JVM dies (kill -9) the watcher
 * sees the pipe close and kills the tree too. The output comes back through a pipe, never
 * a file, so nothing is left behind.
 */
final class ShellTask {
    /** Shell output kept in the report, at most. */
    static final int MAX_OUTPUT = 4096;

    /**
     * Runs "$1" as the leader of a new session (setsid execs in place: the background child
     * is no group leader, so its pid is the group id), and a watcher that kills that group
     * once this JVM's end of standard input closes (kept as fd 3 first: a background job's
     * standard input is /dev/null). What the command left running in the
     * background is killed when it ends: no process outlives its task.
     */
    private static final String WRAPPER = "exec 3<&0\n"
            + "setsid /bin/sh -c \"$1\" </dev/null 3<&- & c=$!\n"
            + "(cat <&3 >/dev/null; kill -KILL -$c 2>/dev/null) & w=$!\n"
            + "wait $c; rc=$?\n"
            + "kill -KILL $w -$c 2>/dev/null\n"
            + "exit $rc\n";

    private ShellTask() {
    }

    static String run(TaskKind.Shell s) throws IOException, InterruptedException, TaskRunner.TaskFailure {
        Process process = new ProcessBuilder("/bin/sh", "-c", WRAPPER, "mpjhpc-task", s.command())
                .redirectErrorStream(true).start();
        Tail tail = new Tail(process.getInputStream());
        try {
            if (!process.waitFor(s.timeoutMs(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new TaskRunner.TaskFailure("timed out after " + s.timeoutMs() + " ms: " + tail.text());
            }
            tail.joinBriefly();
            int code = process.exitValue();
            if (code != 0) {
                throw new TaskRunner.TaskFailure("exit code " + code + ": " + tail.text());
            }
            return tail.text();
        } finally {
            if (process.isAlive()) {
                killTree(process); // interrupted: the executor was killed, or the job is stopping
            }
            process.getOutputStream().close(); // the watcher's pipe: it ends
        }
    }

    /** Kills the command's session, its watcher and the wrapper, and waits until they are gone. */
    static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = Thread.interrupted(); // waiting must not be cut short by the kill itself
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads a process's output on a thread of its own, keeping the last {@link #MAX_OUTPUT} bytes. */
    private static final class Tail extends Thread {
        private final InputStream in;
        private final byte[] ring = new byte[MAX_OUTPUT];
        private long total;

        Tail(InputStream in) {
            super("shell-output");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total++ % MAX_OUTPUT)] = buf[i];
                        }
                    }
                }
            } catch (IOException e) {
                // the pipe closed under us: the process was killed; what was read stands
            }
        }

        /** Waits for the end of the output, briefly: a child that escaped the session may hold the pipe. */
        void joinBriefly() throws InterruptedException {
            join(1000);
        }

        synchronized String text() {
            int n = (int) Math.min(total, MAX_OUTPUT);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((total - n + i) % MAX_OUTPUT)];
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        }
    }
}
