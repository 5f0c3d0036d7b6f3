package org.mpjhpc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.app.Workloads;
import org.mpjhpc.data.stats.StatsConfig;
import org.mpjhpc.farm.Action;
import org.mpjhpc.farm.FarmConfig;
import org.mpjhpc.farm.Request;
import org.mpjhpc.farm.TaskKind;
import org.mpjhpc.fv.FvConfig;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            job: farm
            name: demo
            farm:
              workers: [3, 4, 5]
              heartbeat: {interval_ms: 100, timeout_ms: 900}
              requests:
                - times: 11
                  task: {type: fib, n: 30}
                - worker: 2
                  sleep_ms: 5
                  task: {type: shell, command: "echo hi"}
            """;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("job.yaml");
        Files.writeString(f, text);
        return f;
    }

    private JobConfig read(String text, String... sets) throws IOException {
        return Workloads.read(file(text), List.of(sets), null, null, 0);
    }

    private String error(String text, String... sets) {
        return assertThrows(UserError.class, () -> read(text, sets)).getMessage();
    }

    @Test
    void theMonitorIsOffUnlessAskedForAndNeedsATokenOffLoopback() throws IOException {
        assertEquals(MonitorConfig.OFF, read(GOOD).monitor());
        assertEquals(new MonitorConfig(true, "127.0.0.1", MonitorConfig.DEFAULT_PORT, null),
                read(GOOD, "monitor.enabled=true").monitor());
        assertEquals(new MonitorConfig(true, "127.0.0.1", 0, null), read(GOOD, "monitor.port=0").monitor());
        assertEquals(new MonitorConfig(true, "0.0.0.0", 9000, "long-enough-token"),
                read(GOOD + "monitor: {bind: 0.0.0.0, port: 9000, token: long-enough-token}\n").monitor());
        assertTrue(error(GOOD + "monitor: {bind: 0.0.0.0}\n").contains("needs a bearer token"));
        assertTrue(error(GOOD + "monitor: {bind: 0.0.0.0, token: short}\n").contains("at least 8 characters"));
        assertTrue(error(GOOD, "monitor.port=70000").contains("monitor.port"));
        assertTrue(error(GOOD, "monitor.colour=blue").contains("colour"));
    }

    @Test
    void readsAValidJob() throws IOException {
        JobConfig job = read(GOOD);
        assertEquals("demo", job.name());
        assertEquals(4, job.ranks());
        assertEquals(List.of(3, 4, 5), job.settings(FarmConfig.class).capacities());
        assertEquals(100, job.settings(FarmConfig.class).heartbeatMs());
        assertEquals(new Request(11, 0, new Action.Submit(new TaskKind.Fib(30), Request.ANY_WORKER)),
                job.settings(FarmConfig.class).requests().get(0));
        assertEquals(new Request(1, 5, new Action.Submit(new TaskKind.Shell("echo hi", 60_000), 2)),
                job.settings(FarmConfig.class).requests().get(1));
        assertEquals("out/demo", job.outDir());
        assertEquals("INFO", job.logLevel());
    }

    @Test
    void setOverridesValuesListsAndNewKeys() throws IOException {
        JobConfig job = read(GOOD, "farm.workers=[2, 2, 2]", "farm.requests.0.task.n=12",
                "farm.worker_threads=2", "log_level=debug");
        assertEquals("elsewhere", Workloads.read(file(GOOD + "output: {dir: mine}\n"), List.of(), null, "elsewhere", 0).outDir());
        assertEquals("ERROR", Workloads.read(file(GOOD + "log_level: DEBUG\n"), List.of(), "error", null, 0).logLevel());
        assertEquals("mine", Workloads.read(file(GOOD + "output: {dir: mine}\n"), List.of(), null, null, 0).outDir());
        assertEquals(List.of(2, 2, 2), job.settings(FarmConfig.class).capacities());
        assertEquals(new TaskKind.Fib(12), ((Action.Submit) job.settings(FarmConfig.class).requests().get(0).action()).task());
        assertEquals(2, job.settings(FarmConfig.class).workerThreads());
        assertEquals("DEBUG", job.logLevel());
    }

    @Test
    void statsQuantileErrorIsARankFraction() throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "id,value\n1,2.5\n");
        String stats = "job: stats\nstats:\n  input: " + csv + "\n  quantile_error: ";
        StatsConfig c = (StatsConfig) read(stats + "0.001\n").settings();
        assertEquals(0.001, c.quantileError());
        assertEquals(0, ((StatsConfig) read(stats + "0\n").settings()).quantileError(), "0: exact");
        assertEquals(dir.resolve("job.yaml") + ":4: stats.quantile_error: is the rank error allowed as a fraction of"
                + " the count, from 0 (exact) to below 0.5, got 0.7", error(stats + "0.7\n"));
    }

    @Test
    void wordCountInputsAreFilesFoldersOrGlobsAndStatsReadOneFile() throws IOException {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        for (String name : List.of("b.txt", "a.txt", "notes.md", ".hidden", "_SUCCESS")) {
            Files.writeString(texts.resolve(name), "x");
        }
        Files.createDirectories(texts.resolve("sub"));
        Files.createDirectories(dir.resolve("empty"));
        String wc = "job: wordcount\nwordcount:\n  inputs: ";
        java.util.function.Function<String, List<String>> inputs = list -> {
            try {
                return ((org.mpjhpc.data.wordcount.WordCountConfig) read(wc + list + "\n").settings()).inputs();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        List<String> inFolder = List.of(texts.resolve("a.txt").toString(), texts.resolve("b.txt").toString(),
                texts.resolve("notes.md").toString());
        assertEquals(inFolder, inputs.apply("[" + texts + "]"), "a folder: its files, sorted, hidden ones skipped");
        assertEquals(inFolder.subList(0, 2), inputs.apply("[" + texts + "/*.txt]"));
        assertEquals(List.of(texts.resolve("notes.md").toString()), inputs.apply("[" + texts.resolve("notes.md") + "]"));
        String f = dir.resolve("job.yaml") + ":3: wordcount.inputs[0]: ";
        assertEquals(f + dir.resolve("empty") + ": the folder holds no files to read",
                error(wc + "[" + dir.resolve("empty") + "]\n"));
        assertEquals(f + dir.resolve("nothing") + ": no such file or folder", error(wc + "[" + dir.resolve("nothing")
                + "]\n"));
        assertEquals(f + texts + "/*.csv: no file matches", error(wc + "[" + texts + "/*.csv]\n"));
        String stats = "job: stats\nstats:\n  input: ";
        assertEquals(texts + ": is a folder; the statistics read one file", error(stats + texts + "\n"));
        assertEquals(dir.resolve("none.col") + ": no such file", error(stats + dir.resolve("none.col") + "\n"));
    }

    @Test
    void anOutputFolderThatIsAFileIsRefusedBeforeTheJob() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        UserError e = assertThrows(UserError.class,
                () -> Workloads.read(file(GOOD), List.of(), null, file.toString(), 0));
        assertEquals("--out " + file + ": it is a file, not a folder", e.getMessage());
        String below = GOOD.replace("farm:", "output: {dir: " + file.resolve("sub") + "}\nfarm:");
        assertEquals(dir.resolve("job.yaml") + ":3: output.dir: " + file + " is a file, not a folder", error(below));
        assertEquals("out/demo", read(GOOD).outDir(), "a folder not made yet is fine");
    }

    @Test
    void generatedFilesAndTheReportMustBeWritableBeforeTheJob() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        String f = dir.resolve("job.yaml").toString();
        String gen = "job: generate\ngenerate:\n  rows: 10\n  csv: " + dir.resolve("new/d.csv") + "\n  binary: ";
        assertEquals(f + ":5: generate.binary: cannot write " + file.resolve("d.col") + ": " + file
                + " is a file, not a folder", error(gen + file.resolve("d.col") + "\n"));
        assertEquals(f + ":5: generate.binary: cannot write " + dir + ": it is a folder, not a file",
                error(gen + dir + "\n"));
        assertEquals(f + ":5: generate.binary: the same file as generate.csv (" + dir.resolve("new/d.csv")
                + "); give each output its own file", error(gen + dir.resolve("new/../new/d.csv") + "\n"));
        assertEquals(dir.resolve("d.col").toString(),
                ((org.mpjhpc.data.generate.GenerateConfig) read(gen + dir.resolve("d.col") + "\n").settings()).binary());
        UserError e = assertThrows(UserError.class, () -> ConfigReader.checkReport(file.resolve("r.json").toString()));
        assertEquals("--report " + file.resolve("r.json") + ": " + file + " is a file, not a folder", e.getMessage());
        e = assertThrows(UserError.class, () -> ConfigReader.checkReport(dir.toString()));
        assertEquals("--report " + dir + ": it is a folder, not a file", e.getMessage());
        ConfigReader.checkReport(dir.resolve("later/r.json").toString()); // folders are made when missing
        ConfigReader.checkReport(null);
    }

    @Test
    void aGridTooSmallForItsWorkersIsRefused() throws IOException {
        String fv = "job: fv\nfv:\n  problem: sod_x\n  nx: 3\n  ny: 1\n  workers: ";
        assertEquals(dir.resolve("job.yaml") + ":6: fv.workers: a 3 x 1 grid cannot be cut into 4 block(s) of at least"
                + " 2 x 2 cells (the halo is 2 cells deep): use fewer workers or more cells", error(fv + "4\n"));
        assertTrue(error(fv.replace("ny: 1", "ny: 3") + "4\n").contains("a 3 x 3 grid cannot be cut into 4 block(s)"));
        assertEquals(4, read(fv.replace("ny: 1", "ny: 8") + "4\n").settings(FvConfig.class).workers(), "1 x 4 blocks of 3 x 2 cells");
    }

    @Test
    void errorsNameFileLineAndKey() {
        String f = dir.resolve("job.yaml").toString();
        assertEquals(f + ":4: farm.workers[1]: worker capacity must be between 1 and 1000000, got 0",
                error(GOOD.replace("[3, 4, 5]", "[3, 0, 5]")));
        assertTrue(error(GOOD.replace("  heartbeat:", "  colour: red\n  heartbeat:"))
                .startsWith(f + ":5: farm.colour: unknown key"));
        assertEquals(f + ":8: farm.requests[0].task.n: expected a whole number, got 'thirty'",
                error(GOOD.replace("n: 30", "n: thirty")));
        assertTrue(error(GOOD.replace("type: fib", "type: fob")).contains("unknown task type 'fob'"));
        assertTrue(error(GOOD.replace("[3, 4, 5]", "[3, 4, 5")).startsWith(f + ":"));
        assertTrue(error(GOOD.replace("[3, 4, 5]", "[3, 4, 5")).contains("malformed YAML"));
        assertTrue(error(GOOD.replace("worker: 2", "worker: 3")).contains("farm.requests[1].worker: must be between 0 and 2"));
        assertTrue(error(GOOD.replace("timeout_ms: 900", "timeout_ms: 50")).contains("must be longer than interval_ms"));
        assertTrue(error(GOOD.replace("n: 30", "n: \"30\"")).contains("expected a whole number"));
    }

    @Test
    void timelineEventsAndStandbyRanks() throws IOException {
        JobConfig job = read(GOOD.replace("  requests:", "  standby: 2\n  stealing: false\n  requests:\n"
                + "    - add_worker: {capacity: 4}\n    - stop_worker: {worker: 4}\n"
                + "    - fault: {worker: 1, kind: hang, ms: 300}"));
        assertEquals(6, job.ranks());
        assertEquals(false, job.settings(FarmConfig.class).stealing());
        assertEquals(new Action.AddWorker(4), job.settings(FarmConfig.class).requests().get(0).action());
        assertEquals(new Action.StopWorker(4), job.settings(FarmConfig.class).requests().get(1).action());
        assertEquals(new Action.Fault(1, "hang", 300), job.settings(FarmConfig.class).requests().get(2).action());
        assertEquals(11 + 1, job.settings(FarmConfig.class).totalTasks());
        assertTrue(error(GOOD.replace("  requests:", "  requests:\n    - fault: {worker: 1, kind: melt}"))
                .contains("unknown fault 'melt'"));
        assertTrue(error(GOOD.replace("  requests:", "  requests:\n    - times: 2"))
                .contains("farm.requests[0]: each request needs exactly one of task"));
    }

    @Test
    void controlEndpointNeedsATokenAndResourcesTheirType() {
        assertTrue(error(GOOD.replace("  requests:", "  control: {enabled: true}\n  requests:"))
                .contains("farm.control.token: the control endpoint needs a bearer token"));
        assertTrue(error(GOOD.replace("  requests:", "  resources:\n    - {name: t, type: int, value: x}\n  requests:"))
                .contains("farm.resources[0].value: expected a whole number"));
        assertTrue(error(GOOD.replace("  requests:", "  resources:\n    - {name: t, type: set, value: 1}\n  requests:"))
                .contains("unknown resource type 'set'"));
        assertTrue(error(GOOD.replace("  requests:", "  order: random\n  requests:")).contains("unknown order 'random'"));
    }

    @Test
    void javaTaskClassesAreCheckedBeforeAnythingStarts() {
        String missing = GOOD.replace("{type: fib, n: 30}", "{type: java, class: no.such.Task}");
        assertTrue(error(missing).contains("class 'no.such.Task' not found"));
        String wrong = GOOD.replace("{type: fib, n: 30}", "{type: java, class: java.lang.String}");
        assertTrue(error(wrong).contains("does not implement org.mpjhpc.farm.FarmTask"));
    }

    @Test
    void capacitiesMustMatchTheRanks() throws IOException {
        Path f = file(GOOD);
        String message = assertThrows(UserError.class, () -> Workloads.read(f, List.of(), null, null, 3)).getMessage();
        assertTrue(message.contains("3 worker capacities need -np 4"), message);
        assertEquals(4, Workloads.read(f, List.of(), null, null, 4).ranks());
    }

    @Test
    void missingFileAndBadOverridesAreUserErrors() {
        Path none = dir.resolve("none.yaml");
        assertEquals(none + ": config file not found",
                assertThrows(UserError.class, () -> Workloads.read(none, List.of(), null, null, 0)).getMessage());
        assertTrue(error(GOOD, "farm.workers").contains("expected KEY=VALUE"));
        assertTrue(error(GOOD, "farm.requests.7.times=1").contains("must be a list index from 0 to 1"));
        assertTrue(error(GOOD, "farm.heartbeat.interval_ms=fast").startsWith("--set farm.heartbeat.interval_ms:"));
        assertTrue(error(GOOD, "log_level=LOUD").contains("log level 'LOUD'"));
    }
}
