package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.data.Progress;

/** The big-data jobs on real MPJ Express (multicore) with 1, 2 and 4 workers, against plain references. */
class DataIT {
    @TempDir
    static Path dir;
    static Path csv;
    static Path bin;

    @BeforeAll
    static void generate() throws Exception {
        csv = dir.resolve("s.csv");
        bin = dir.resolve("s.col");
        Mpjrun.Result r = Mpjrun.run("configs/bigdata/generate.yaml", "--out", dir.resolve("gen").toString(),
                "--set", "generate.rows=150000", "--set", "generate.malformed_every=9973",
                "--set", "generate.csv=" + csv, "--set", "generate.binary=" + bin);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
    }

    private static JsonNode stats(String partition, int workers, String... more) throws Exception {
        Path out = dir.resolve("stats-" + partition + "-" + workers);
        List<String> args = new ArrayList<>(List.of("configs/bigdata/stats.yaml", "--out", out.toString(),
                "--set", "stats.input=" + csv, "--set", "stats.partition=" + partition,
                "--set", "stats.workers=" + workers, "--set", "stats.chunk_kb=64"));
        args.addAll(List.of(more));
        Mpjrun.Result r = Mpjrun.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("histogram.png").toFile());
        assertEquals(720, png.getWidth(), "histogram.png is a readable 720 x 420 PNG");
        assertEquals(420, png.getHeight());
        return r.report(out.resolve("report.json"));
    }

    /** Exact fields must match bit for bit; sums of floating point only to rounding (1e-12). */
    private static void assertSameStatistics(JsonNode a, JsonNode b) {
        for (String exact : List.of("rows_read", "rows_malformed", "rows_kept", "count", "min", "max", "outliers",
                "histogram", "quantiles", "malformed_lines")) {
            assertEquals(a.get(exact), b.get(exact), exact);
        }
        for (String approx : List.of("sum", "mean", "variance", "stddev")) {
            double x = a.get(approx).asDouble();
            assertEquals(x, b.get(approx).asDouble(), Math.abs(x) * 1e-12, approx);
        }
        a.get("by_category").fieldNames().forEachRemaining(c -> {
            assertEquals(a.get("by_category").get(c).get("count"), b.get("by_category").get(c).get("count"), c);
            double m = a.get("by_category").get(c).get("mean").asDouble();
            assertEquals(m, b.get("by_category").get(c).get("mean").asDouble(), Math.abs(m) * 1e-12, c);
        });
    }

    @Test
    void bothPartitioningModesGiveTheSameStatisticsAsAPlainOnePassComputation() throws Exception {
        DescriptiveStatistics plain = new DescriptiveStatistics();
        List<Long> badLines = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            try {
                if (f.length != 4 || f[2].isEmpty() || f[3].isEmpty()) {
                    throw new NumberFormatException();
                }
                plain.addValue(Double.parseDouble(f[3]));
            } catch (NumberFormatException e) {
                badLines.add(i + 1L);
            }
        }
        JsonNode reference = stats("parallel", 2);
        assertEquals(plain.getN(), reference.get("count").asLong());
        assertEquals(plain.getMean(), reference.get("mean").asDouble(), Math.abs(plain.getMean()) * 1e-12);
        assertEquals(plain.getVariance(), reference.get("variance").asDouble(), plain.getVariance() * 1e-12);
        assertEquals(plain.getMin(), reference.get("min").asDouble());
        assertEquals(plain.getMax(), reference.get("max").asDouble());
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        r7.setData(plain.getValues());
        assertEquals(r7.evaluate(50), reference.get("quantiles").get("p50").asDouble());
        assertEquals(r7.evaluate(99), reference.get("quantiles").get("p99").asDouble(), 1e-12);
        approximateQuantilesKeepTheirRankBound(plain.getSortedValues());
        assertEquals(badLines.size(), reference.get("rows_malformed").asInt());
        assertEquals(badLines.get(0).longValue(), reference.get("malformed_lines").get(0).get("line").asLong());
        for (int workers : new int[] {1, 2, 4}) {
            assertSameStatistics(reference, stats("stream", workers));
            if (workers != 2) {
                assertSameStatistics(reference, stats("parallel", workers));
            }
        }
    }

    /** With stats.quantile_error each quantile lies between the order statistics that many ranks away. */
    private static void approximateQuantilesKeepTheirRankBound(double[] sorted) throws Exception {
        JsonNode approx = stats("parallel", 4, "--set", "stats.quantile_error=0.01");
        int n = sorted.length;
        int slack = n / 100;
        assertTrue(approx.get("quantile_method").asText().startsWith("rank error at most " + slack + " of " + n),
                approx.get("quantile_method").asText());
        for (double p : new double[] {0.5, 0.9, 0.99}) {
            int k = (int) Math.floor((n - 1) * p);
            double got = approx.get("quantiles").get(String.format(Locale.ROOT, "p%.0f", p * 100)).asDouble();
            assertTrue(got >= sorted[Math.max(0, k - slack)] && got <= sorted[Math.min(n - 1, k + 1 + slack)],
                    "p=" + p + ": " + got);
        }
    }

    @Test
    void standardInputIsStreamedAndGivesTheSameStatistics() throws Exception {
        Path out = dir.resolve("stdin");
        Mpjrun.Result r = Mpjrun.runWithInput(csv.toFile(), "configs/bigdata/stats-stdin.yaml", "--out",
                out.toString(), "--set", "stats.chunk_kb=16");
        assertEquals(0, r.exit(), r.all());
        assertSameStatistics(stats("parallel", 2), r.report(out.resolve("report.json")));
    }

    @Test
    void binaryFileHoldsTheSameNumbersAsTheCsv() throws Exception {
        JsonNode fromCsv = stats("parallel", 2, "--set", "stats.malformed=skip");
        for (int workers : new int[] {1, 4}) {
            Path out = dir.resolve("bin-" + workers);
            Mpjrun.Result r = Mpjrun.run("configs/bigdata/stats.yaml", "--out", out.toString(), "--set",
                    "stats.input=" + bin, "--set", "stats.format=binary", "--set", "stats.workers=" + workers);
            assertEquals(0, r.exit(), r.all());
            JsonNode b = r.report(out.resolve("report.json"));
            // the binary file has every row; the CSV lost the damaged ones
            assertEquals(fromCsv.get("rows_read").asLong(), b.get("rows_kept").asLong());
            assertEquals(fromCsv.get("by_category").size(), b.get("by_category").size());
            assertTrue(b.get("verified").asBoolean(), r.all());
        }
    }

    /**
     * Progress notes every 3 ms over a 64 MiB file: a worker's last PROGRESS often lands just
     * before its DONE. The master used to probe for DONE first, could take it, leave the
     * PROGRESS unreceived and the worker waiting for it forever (seen once at the normal
     * rate; with notes every 3 ms 1 run in 4 hung before the fix).
     */
    @Test
    void frequentProgressNotesNeverHangAPhase() throws Exception {
        Path big = dir.resolve("notes.col");
        Mpjrun.Result g = Mpjrun.run("configs/bigdata/generate.yaml", "--out", dir.resolve("gn").toString(), "--set",
                "generate.rows=2500000", "--set", "generate.binary=" + big, "--set", "generate.csv=null");
        assertEquals(0, g.exit(), g.all());
        for (int run = 0; run < 8; run++) {
            Path out = dir.resolve("notes-" + run);
            Mpjrun.Result r = Mpjrun.command(List.of(Mpjrun.ROOT.resolve("mpjrun").toString(),
                    "configs/bigdata/stats.yaml", "--out", out.toString(), "--set", "stats.input=" + big,
                    "--set", "stats.format=binary", "--set", "stats.workers=" + (2 + run % 2)),
                    new File("/dev/null"), Map.of("MPJHPC_PROGRESS_MS", "3"));
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        }
    }

    @Test
    void badInputIsOneClearMessageAndExitCode2() throws Exception {
        Mpjrun.Result r = Mpjrun.run("configs/bigdata/stats.yaml", "--set", "stats.input=" + csv, "--set",
                "stats.value_column=temp");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("no column 'temp' in the header (columns: id, timestamp, category, value)"),
                r.all());
        Path out = dir.resolve("fail");
        r = Mpjrun.run("configs/bigdata/stats.yaml", "--out", out.toString(), "--set", "stats.input=" + csv, "--set",
                "stats.malformed=fail");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("line 9974: expected 4 fields, got 3"), r.all());
        assertFalse(Files.exists(out.resolve("report.json")), "nothing half-written");
        assertFalse(r.all().contains("Exception"), r.all());
        Path empty = Files.writeString(dir.resolve("e.csv"), "id,value\n1,2\n");
        r = Mpjrun.runWithInput(empty.toFile(), "configs/bigdata/stats-stdin.yaml", "--set", "stats.value_column=x");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("standard input: line 1: no column 'x'"), r.all());
        r = Mpjrun.runWithInput(Files.writeString(dir.resolve("none.csv"), "").toFile(),
                "configs/bigdata/stats-stdin.yaml", "--out", dir.resolve("none").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("error: standard input: no header line (the input is empty"), r.all());
        assertFalse(Files.exists(dir.resolve("none/report.json")), "nothing written");
    }

    @Test
    void aDamagedBinaryFileStopsEveryRankWithOneMessage() throws Exception {
        Path damaged = dir.resolve("damaged.col");
        Files.copy(bin, damaged);
        try (FileChannel ch = FileChannel.open(damaged, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            int groupRows = head.getInt(8);
            long rows = head.getLong(12);
            long lastGroupRows = rows % groupRows == 0 ? groupRows : rows % groupRows;
            // the last row's category code: the codes column ends where the last 8-byte values begin
            ch.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 999),
                    ch.size() - 8 * lastGroupRows - 2);
            Path out = dir.resolve("damaged");
            Mpjrun.Result r = Mpjrun.run("configs/bigdata/stats.yaml", "--out", out.toString(), "--set",
                    "stats.input=" + damaged, "--set", "stats.format=binary", "--set", "stats.workers=2",
                    "--log-level", "debug");
            assertEquals(2, r.exit(), r.all());
            for (int rank = 0; rank < 3; rank++) { // found by one worker, agreed by all
                assertTrue(r.all().contains("rank " + rank + " ends with exit code 2"), r.all());
            }
            assertTrue(r.all().contains(damaged + ": damaged: row " + rows + " has category code 999, but the header"
                    + " names 8 categories"), r.all());
            assertFalse(r.all().contains("Exception"), r.all());
            assertFalse(Files.exists(out.resolve("report.json")), "nothing half-written");
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}\\p{Nl}\\p{No}]+");

    @Test
    void wordCountEqualsAPlainSingleThreadedCount() throws Exception {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Mpjrun.Result g = Mpjrun.run("configs/bigdata/text.yaml", "--out", dir.resolve("gt").toString(), "--set",
                "generate.rows=30000", "--set", "generate.text=" + texts.resolve("a.txt"));
        assertEquals(0, g.exit(), g.all());
        Files.writeString(texts.resolve("b.txt"), "Ñandú y ÑANDÚ,\r\n\r\nel niño's 2 niños — x2\nsin salto final");
        Files.writeString(texts.resolve("c.txt"), "");
        // One line longer than a worker's share of the bytes: no worker may read part of it twice.
        StringBuilder longLine = new StringBuilder();
        for (int i = 0; longLine.length() < 2 * Files.size(texts.resolve("a.txt")); i++) {
            longLine.append("palabra").append(i % 97).append(' ');
        }
        Files.writeString(texts.resolve("d.txt"), longLine.append("\nfin\n"));
        Map<String, Long> plain = new HashMap<>();
        for (String f : List.of("a.txt", "b.txt", "c.txt", "d.txt")) {
            Matcher m = WORD.matcher(Files.readString(texts.resolve(f)));
            while (m.find()) {
                plain.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        for (int workers : new int[] {1, 2, 4}) {
            Path out = dir.resolve("wc-" + workers);
            Mpjrun.Result r = Mpjrun.run("configs/bigdata/wordcount.yaml", "--out", out.toString(), "--set",
                    "wordcount.inputs=[" + texts + "/*.txt]", "--set", "wordcount.workers=" + workers,
                    "--set", "wordcount.chunk_kb=8");
            assertEquals(0, r.exit(), r.all());
            Map<String, Long> counted = new HashMap<>();
            for (String line : Files.readAllLines(out.resolve("counts.tsv"), StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t");
                counted.put(kv[0], Long.parseLong(kv[1]));
            }
            assertEquals(plain, counted, "workers " + workers);
            JsonNode report = r.report(out.resolve("report.json"));
            assertEquals(plain.values().stream().mapToLong(Long::longValue).sum(), report.get("total_words").asLong());
            assertEquals(plain.size(), report.get("distinct_words").asInt());
            assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        }
    }

    @Test
    void sigtermLeavesNoPartialFileBehind() throws Exception {
        Path out = dir.resolve("stopped");
        Mpjrun.Background gen = Mpjrun.start(dir, java.util.Map.of(), "configs/bigdata/generate.yaml", "--out",
                out.toString(), "--set", "generate.rows=200000000", "--set", "generate.csv=" + out.resolve("s.csv"),
                "--set", "generate.binary=" + out.resolve("s.col"));
        gen.awaitLines("generate: ", 1); // writing for a second
        assertTrue(java.nio.file.Files.exists(out.resolve("s.csv.part")), gen.all());
        new ProcessBuilder("kill", "-TERM", Long.toString(gen.process().pid())).start().waitFor();
        assertEquals(4, gen.exit(), gen.all());
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(out)) {
            assertEquals(java.util.List.of(), left.toList(), "no .part, no temporary file, no half a file");
        }
    }
}
