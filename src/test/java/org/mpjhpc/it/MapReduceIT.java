package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MapReduce job on real MPJ with classes a user compiled against the jar: the same
 * output as a plain single-threaded computation for any worker count and chunk size, and
 * failing tasks (an exception, an executor that dies of an Error, one that hangs) retried,
 * skipped or failing the job as configured.
 */
class MapReduceIT {
    @TempDir
    static Path dir;
    static Path classes;
    static Path csv;
    static Map<String, String> expected;

    /** The user's classes: a mean per category over CSV rows, with faults chosen by params. */
    private static final String MEAN = """
            package user;
            import java.util.List;
            import org.mpjhpc.mapreduce.*;
            public class Mean implements Mapper<String, Double> {
                private TaskContext ctx;
                public void setup(TaskContext c) { ctx = c; }
                public void map(InputRecord r, Emitter<String, Double> out) throws Exception {
                    Faults.maybe(ctx, "map");
                    if (r.line() == 1) return; // the header
                    out.emit(r.field(0), Double.parseDouble(r.field(1)));
                }
                public boolean lineNumbers() { return true; }
                public KeyCodec<String> keyCodec() { return KeyCodec.STRING; }
                public KeyCodec<Double> valueCodec() { return KeyCodec.DOUBLE; }
                public static class Avg implements Reducer<String, Double> {
                    private TaskContext ctx;
                    public void setup(TaskContext c) { ctx = c; }
                    public Object reduce(String key, List<Double> values) throws Exception {
                        Faults.maybe(ctx, "reduce");
                        long sum = 0;
                        for (double v : values) sum += Math.round(v * 100);
                        return String.format(java.util.Locale.ROOT, "%.2f", sum / 100.0 / values.size());
                    }
                }
            }
            """;
    private static final String FAULTS = """
            package user;
            import org.mpjhpc.mapreduce.TaskContext;
            final class Faults {
                /** params: {map_fault: throw|error|hang, map_task: N, map_attempts: K} (and reduce_...) */
                static void maybe(TaskContext c, String phase) throws Exception {
                    String kind = c.param(phase + "_fault");
                    if (kind == null || c.task() != Integer.parseInt(c.param(phase + "_task"))
                            || c.attempt() > Integer.parseInt(c.param(phase + "_attempts"))) return;
                    switch (kind) {
                        case "throw" -> throw new IllegalStateException("injected failure, attempt " + c.attempt());
                        case "error" -> throw new OutOfMemoryError("injected: the executor dies");
                        case "hang" -> { while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } } }
                        default -> throw new IllegalArgumentException(kind);
                    }
                }
            }
            """;

    @BeforeAll
    static void compileTheUsersClassesAndData() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/user"));
        Files.writeString(src.resolve("Mean.java"), MEAN);
        Files.writeString(src.resolve("Faults.java"), FAULTS);
        Files.writeString(src.resolve("NotAMapper.java"), "package user; public class NotAMapper { }");
        classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                Mpjrun.ROOT.resolve("target/classes").toString(), src.resolve("Mean.java").toString(),
                src.resolve("Faults.java").toString(), src.resolve("NotAMapper.java").toString());
        assertEquals(0, rc, "the user's classes compile against the jar");
        StringBuilder rows = new StringBuilder("category,value\n");
        Map<String, long[]> sums = new TreeMap<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            String cat = "c" + rnd.nextInt(37) + (i % 1000 == 0 ? ",\"quoted, with comma\"" : "");
            long cents = rnd.nextLong(-100_000, 100_000);
            String key = i % 1000 == 0 ? "c-quoted" : cat;
            rows.append(i % 1000 == 0 ? "\"c-quoted\"" : cat).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", cents / 100.0)).append(i % 7 == 0 ? "\r\n" : "\n");
            sums.computeIfAbsent(key, k -> new long[2])[0] += cents;
            sums.get(key)[1]++;
        }
        csv = Files.writeString(dir.resolve("rows.csv"), rows);
        expected = new TreeMap<>();
        sums.forEach((k, s) -> expected.put(k, String.format(Locale.ROOT, "%.2f", s[0] / 100.0 / s[1])));
    }

    private static Mpjrun.Result run(Path out, String... sets) throws Exception {
        Path config = dir.resolve("mean.yaml");
        Files.writeString(config, """
                job: mapreduce
                name: mean
                mapreduce:
                  mapper: user.Mean
                  reducer: user.Mean$Avg
                  inputs: [%s]
                  record: csv
                  reducers: 3
                  max_attempts: 2
                  workers: 2
                """.formatted(csv));
        List<String> command = new ArrayList<>(List.of(Mpjrun.ROOT.resolve("mpjrun").toString(), config.toString(),
                "--out", out.toString()));
        for (String s : sets) {
            command.add("--set");
            command.add(s);
        }
        return Mpjrun.command(command, new File("/dev/null"), Map.of("MPJRUN_CLASSPATH", classes.toString()));
    }

    /** The part files, merged: key to output, each key once. */
    private static Map<String, String> parts(Path out) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p);
                List<String> keys = lines.stream().map(l -> l.split("\t")[0]).toList();
                assertEquals(keys.stream().sorted().toList(), keys, p + " is sorted by key");
                for (String line : lines) {
                    String[] kv = line.split("\t");
                    assertEquals(null, all.put(kv[0], kv[1]), kv[0] + " is in one part only");
                }
            }
        }
        return all;
    }

    @Test
    void anyWorkerCountAndChunkSizeGiveThePlainComputationsOutput() throws Exception {
        // The first run after a build makes the pre-start check's class-data archive; with a
        // folder on MPJRUN_CLASSPATH that JVM once refused to start and mpjrun exited 1 silently.
        try (Stream<Path> archives = Files.list(Files.createDirectories(Mpjrun.ROOT.resolve(".mpj")))) {
            for (Path a : archives.filter(p -> p.getFileName().toString().startsWith("preflight-")).toList()) {
                Files.delete(a);
            }
        }
        for (String[] run : new String[][] {{"1", "64"}, {"2", "0.01"}, {"4", "0.002"}, {"2", "0.1"}}) {
            Path out = dir.resolve("w" + run[0] + "-c" + run[1]);
            Mpjrun.Result r = run(out, "mapreduce.workers=" + run[0], "mapreduce.chunk_mb=" + run[1]);
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
            assertEquals(expected, parts(out), "workers " + run[0] + ", chunk_mb " + run[1]);
            JsonNode report = r.report(out.resolve("report.json"));
            assertEquals("ok", report.get("status").asText());
            assertEquals(3, report.get("partitions").size());
        }
    }

    @Test
    void aTaskThatThrowsDiesOrHangsIsRunAgainAndCountedOnce() throws Exception {
        for (String fault : new String[] {"throw", "error", "hang"}) {
            Path out = dir.resolve("fault-" + fault);
            Mpjrun.Result r = run(out, "mapreduce.chunk_mb=0.05", "mapreduce.task_timeout_s=2",
                    "mapreduce.params.map_fault=" + fault, "mapreduce.params.map_task=3",
                    "mapreduce.params.map_attempts=1");
            assertEquals(0, r.exit(), r.all());
            assertEquals(expected, parts(out), fault);
            JsonNode task = r.report(out.resolve("report.json")).get("map_tasks").get(3);
            assertEquals("done", task.get("status").asText(), task.toString());
            assertEquals(2, task.get("attempts").asInt(), task.toString());
            assertTrue(task.get("errors").get(0).asText().contains(fault.equals("hang") ? "no progress" : "injected"),
                    task.toString());
        }
    }

    @Test
    void aReduceTaskThatDiesOrHangsOnceIsRunAgain() throws Exception {
        for (String fault : new String[] {"error", "hang"}) {
            Path out = dir.resolve("reduce-" + fault);
            Mpjrun.Result r = run(out, "mapreduce.task_timeout_s=2", "mapreduce.params.reduce_fault=" + fault,
                    "mapreduce.params.reduce_task=1", "mapreduce.params.reduce_attempts=1");
            assertEquals(0, r.exit(), r.all());
            assertEquals(expected, parts(out), fault);
            JsonNode p = r.report(out.resolve("report.json")).get("partitions").get(1);
            assertEquals(2, p.get("attempts").asInt(), p.toString());
            assertTrue(p.get("errors").get(0).asText().contains(fault.equals("hang") ? "no progress" : "injected"),
                    p.toString());
        }
    }

    @Test
    void theBuiltInWordCountEqualsTheDedicatedOneAndGrepCountsMatchingLines() throws Exception {
        StringBuilder text = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        String[] words = {"Canción", "MPI", "mpi", "straße", "x1", "Ünïcode", "a-b", "tab\there"};
        for (int i = 0; i < 5000; i++) {
            text.append(words[rnd.nextInt(words.length)]).append(i % 9 == 0 ? "\n" : " ");
        }
        Path file = Files.writeString(dir.resolve("words.txt"), text);
        Path ded = dir.resolve("dedicated");
        assertEquals(0, Mpjrun.run("configs/bigdata/wordcount.yaml", "--out", ded.toString(), "--set",
                "wordcount.inputs=[" + file + "]").exit());
        Path api = dir.resolve("api");
        Mpjrun.Result r = Mpjrun.run("configs/mapreduce/wordcount.yaml", "--out", api.toString(), "--set",
                "mapreduce.inputs=[" + file + "]", "--set", "mapreduce.chunk_mb=0.005");
        assertEquals(0, r.exit(), r.all());
        Map<String, String> counts = new TreeMap<>();
        for (String line : Files.readAllLines(ded.resolve("counts.tsv"))) {
            counts.put(line.split("\t")[0], line.split("\t")[1]);
        }
        assertEquals(counts, parts(api));

        Path grep = dir.resolve("grep");
        r = Mpjrun.run("configs/mapreduce/grep.yaml", "--out", grep.toString(), "--set", "mapreduce.inputs=[" + file
                + ", README.md]", "--set", "mapreduce.params.pattern=MPI|mpjrun");
        assertEquals(0, r.exit(), r.all());
        Map<String, String> matching = new TreeMap<>();
        for (Path f : List.of(file, Path.of("README.md"))) {
            long n = Files.readAllLines(Mpjrun.ROOT.resolve(f)).stream()
                    .filter(l -> java.util.regex.Pattern.compile("MPI|mpjrun").matcher(l).find()).count();
            matching.put(f.toString(), Long.toString(n));
        }
        assertEquals(matching, parts(grep));
    }

    @Test
    void aTaskThatAlwaysFailsFailsTheJobOrIsSkippedAndReported() throws Exception {
        Path failed = dir.resolve("always-fail");
        Mpjrun.Result r = run(failed, "mapreduce.chunk_mb=0.05", "mapreduce.params.map_fault=throw",
                "mapreduce.params.map_task=2", "mapreduce.params.map_attempts=9");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("job failed: map task 2 failed 2 time(s)"), r.all());
        assertTrue(r.stdout().contains("VERIFY FAIL"), "a failed job's check fails: " + r.all());
        JsonNode report = r.report(failed.resolve("report.json"));
        assertEquals("failed", report.get("status").asText());
        assertEquals("failed", report.get("map_tasks").get(2).get("status").asText());

        Path skipped = dir.resolve("always-skip");
        r = run(skipped, "mapreduce.chunk_mb=0.05", "mapreduce.on_task_failure=skip", "mapreduce.params.map_fault=throw",
                "mapreduce.params.map_task=2", "mapreduce.params.map_attempts=9");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("skipped chunk 2"), r.all());
        report = r.report(skipped.resolve("report.json"));
        assertEquals("partial", report.get("status").asText());
        assertEquals("skipped", report.get("map_tasks").get(2).get("status").asText());
        assertTrue(r.stdout().contains("VERIFY PASS") && r.stdout().contains("1 skipped of"), r.all());
    }

    @Test
    void aMissingOrWrongClassIsOneMessageBeforeAnyRankStarts() throws Exception {
        Path out = dir.resolve("bad");
        Mpjrun.Result r = run(out, "mapreduce.mapper=user.Nope");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("mapreduce.mapper: class user.Nope is not on the class path"), r.all());
        r = run(out, "mapreduce.reducer=user.NotAMapper");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("user.NotAMapper does not implement org.mpjhpc.mapreduce.Reducer"), r.all());
        assertTrue(!r.all().contains("Exception"), r.all());
    }
}
