package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell tasks on real processes: no process of a task outlives it, however it ends. */
class ShellTaskTest {
    @TempDir
    Path dir;

    /** The pid a command wrote into {@code file}, once it is there. */
    private static long pidIn(Path file) throws Exception {
        for (int i = 0; i < 500 && (!Files.exists(file) || Files.readString(file).isBlank()); i++) {
            Thread.sleep(10);
        }
        return Long.parseLong(Files.readString(file).strip());
    }

    /**
     * True once {@code pid} runs no more: gone, or a zombie (killed, not yet reaped by
     * init, which here may take a while; {@code isAlive} counts zombies as alive).
     */
    private static boolean gone(long pid) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!running(pid)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (java.io.IOException e) {
            if (String.valueOf(e.getMessage()).contains("No such process")) {
                return false; // it exited while its stat file was being read (ESRCH)
            }
            throw e;
        }
    }

    @Test
    void outputTailAndExitCode() throws Exception {
        assertEquals("hello", ShellTask.run(new TaskKind.Shell("echo hello", 5000)));
        TaskRunner.TaskFailure f = assertThrows(TaskRunner.TaskFailure.class,
                () -> ShellTask.run(new TaskKind.Shell("echo no; exit 3", 5000)));
        assertEquals("exit code 3: no", f.getMessage());
        String big = ShellTask.run(new TaskKind.Shell("head -c 10000 /dev/zero | tr '\\0' a; echo END", 5000));
        assertEquals(ShellTask.MAX_OUTPUT - 1, big.length(), "the last 4096 bytes, the newline stripped");
        assertTrue(big.endsWith("aEND"));
    }

    @Test
    void aTimeoutKillsTheWholeTree() throws Exception {
        Path pid = dir.resolve("pid");
        String cmd = "sleep 30 & echo $! > " + pid + "; wait";
        assertThrows(TaskRunner.TaskFailure.class, () -> ShellTask.run(new TaskKind.Shell(cmd, 300)));
        assertTrue(gone(pidIn(pid)), "the background sleep of a timed-out task is killed");
    }

    @Test
    void whatACommandLeavesInTheBackgroundEndsWithIt() throws Exception {
        String pid = ShellTask.run(new TaskKind.Shell("sleep 30 >/dev/null 2>&1 & echo $!", 5000));
        assertTrue(gone(Long.parseLong(pid)));
    }

    @Test
    void aKilledExecutorKillsItsCommandBeforeTheTaskEnds() throws Exception {
        Path pid = dir.resolve("pid");
        Thread t = new Thread(() -> {
            try {
                ShellTask.run(new TaskKind.Shell("echo $$ > " + pid + "; sleep 30", 60_000));
            } catch (Exception e) {
                // interrupted, as the executor's kill does
            }
        });
        t.start();
        long sh = pidIn(pid);
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive());
        assertFalse(running(sh), "killed when run() returned");
    }

    /** Runs one long shell task in a JVM of its own (killed -9 by the test below). */
    public static void main(String[] args) throws Exception {
        ShellTask.run(new TaskKind.Shell("echo $$ > " + args[0] + "; sleep 60", 120_000));
    }

    @Test
    void aKilledJvmTakesItsCommandsWithIt() throws Exception {
        Path pid = dir.resolve("pid");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShellTaskTest.class.getName(), pid.toString()).inheritIO().start();
        long sh = pidIn(pid);
        jvm.destroyForcibly(); // SIGKILL: no hook, no finally
        assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));
        assertTrue(gone(sh), "the watcher saw the pipe close and killed the command");
    }
}
