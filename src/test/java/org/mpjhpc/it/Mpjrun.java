package org.mpjhpc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the real launcher, {@code ./mpjrun}, as a user would, and captures what it did. */
final class Mpjrun {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    record Result(int exit, String stdout, String stderr) {
        JsonNode report(Path file) throws IOException {
            // A report may hold a user's long category name as a key (data, not a message).
            return new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(
                    com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNameLength(Integer.MAX_VALUE).build())
                    .build()).readTree(file.toFile());
        }

        String all() {
            return stdout + stderr;
        }
    }

    private Mpjrun() {
    }

    /** {@code ./mpjrun} running in the background (to be stopped or killed), its output in files. */
    record Background(Process process, Path out, Path err) {
        /** Everything it printed so far (MPJ's starter relays the ranks' log on standard output). */
        String all() throws IOException {
            return Files.readString(out) + Files.readString(err);
        }

        /** Waits until {@code count} lines of its output contain {@code text}. */
        void awaitLines(String text, int count) throws Exception {
            for (int i = 0; i < 1200; i++) {
                if (all().lines().filter(l -> l.contains(text)).count() >= count) {
                    return;
                }
                Thread.sleep(50);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError("fewer than " + count + " lines with '" + text + "' after 60 s:\n" + all());
        }

        /** Its exit code; it must end within 120 s. */
        int exit() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError("mpjrun did not end:\n" + all());
            }
            return process.exitValue();
        }
    }

    /** Starts {@code ./mpjrun ARGS} in the background, in a folder of the caller's for its output. */
    static Background start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("mpjrun").toString());
        command.addAll(List.of(args));
        return startCommand(dir, env, command);
    }

    /** Starts any command from the project folder in the background, its output in files of {@code dir}. */
    static Background startCommand(Path dir, Map<String, String> env, List<String> command) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        builder.environment().putAll(env);
        return new Background(builder.start(), out, err);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(new File("/dev/null"), args);
    }

    /** Runs with {@code input} as the launcher's standard input. */
    static Result runWithInput(File input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("mpjrun").toString());
        command.addAll(List.of(args));
        return command(command, input, Map.of());
    }

    /** Runs any command from the project folder, with extra environment variables. */
    static Result command(List<String> command, File input, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("mpjrun", ".out");
        Path err = Files.createTempFile("mpjrun", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(input);
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                String stacks = javaStacks(p); // where it hangs, before the evidence is killed
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                // Stacks first and stdout last (its tail): CI shows only the start of a long failure.
                throw new AssertionError("did not finish in 240 s: " + command + "\n--- threads of its JVMs:\n" + stacks
                        + "\n--- stderr:\n" + Files.readString(err) + "\n--- stdout (last lines):\n" + tail(out, 40));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The thread dumps of {@code p} and the processes below it that are Java (jstack). */
    private static String javaStacks(Process p) throws IOException, InterruptedException {
        StringBuilder all = new StringBuilder();
        for (ProcessHandle h : Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList()) {
            if (h.info().command().orElse("").endsWith("/java")) {
                Path dump = Files.createTempFile("jstack", ".txt");
                all.append("pid ").append(h.pid()).append(' ').append(h.info().commandLine().orElse("")).append('\n');
                try {
                    Process jstack = new ProcessBuilder("jstack", Long.toString(h.pid())).redirectErrorStream(true)
                            .redirectOutput(dump.toFile()).start();
                    if (!jstack.waitFor(30, TimeUnit.SECONDS)) {
                        jstack.destroyForcibly();
                    }
                    all.append(ourThreads(Files.readString(dump))).append('\n');
                } catch (IOException e) {
                    all.append("no jstack: ").append(e.getMessage()).append('\n');
                } finally {
                    Files.deleteIfExists(dump);
                }
            }
        }
        return all.length() == 0 ? "(no Java process left)" : all.toString();
    }

    /**
     * The threads of a dump that run our code or MPJ's (its starter, its MPI layer), without
     * JDK and device frames or lock lines: a rank's stack in a few lines, not a page.
     */
    private static String ourThreads(String dump) {
        StringBuilder kept = new StringBuilder();
        for (String thread : dump.split("\n\\s*\n")) {
            if (thread.contains("org.mpjhpc.") || thread.contains("at mpi.")
                    || thread.contains("at runtime.starter.")) {
                for (String line : thread.split("\n")) {
                    if (!line.matches(".*(java\\.base@|at xdev\\.|at mpjdev\\.).*") && !line.trim().startsWith("- ")) {
                        kept.append(line).append('\n');
                    }
                }
            }
        }
        return kept.length() == 0 ? "(no thread runs our code or MPJ's)\n" : kept.toString();
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
