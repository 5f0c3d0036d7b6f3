package org.mpjhpc.farm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The {@code shell} task type's run: {@code /bin/sh -c command}, its output's tail as the result. */
final class ShellTask {
    /** Shell output kept in the report, at most. */
    static final int MAX_OUTPUT = 4096;

    private ShellTask() {
    }

    static String run(TaskKind.Shell s) throws IOException, InterruptedException, TaskRunner.TaskFailure {
        Path output = Files.createTempFile("mpjhpc-task", ".out");
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", s.command())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(s.timeoutMs(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new TaskRunner.TaskFailure("timed out after " + s.timeoutMs() + " ms: " + tail(output));
            }
            int code = process.exitValue();
            if (code != 0) {
                throw new TaskRunner.TaskFailure("exit code " + code + ": " + tail(output));
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
}
