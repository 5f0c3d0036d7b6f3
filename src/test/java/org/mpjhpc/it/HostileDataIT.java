package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that made the statistics job lose rows, wipe its results or bin wrongly, each run for real. */
class HostileDataIT {
    @TempDir
    static Path dir;
    static Path longLine;

    /** 11,001 rows; row 1,001 holds a 2 MiB quoted category, longer than any chunk. */
    @BeforeAll
    static void write() throws IOException {
        longLine = dir.resolve("long.csv");
        try (BufferedWriter w = Files.newBufferedWriter(longLine, StandardCharsets.UTF_8)) {
            w.write("id,timestamp,category,value\n");
            for (int i = 1; i <= 11_001; i++) {
                String category = i == 1001 ? "\"" + "x".repeat(2 << 20) + "\"" : "a";
                w.write(i + ",1," + category + "," + (i % 100) + "\n");
            }
        }
    }

    private static Mpjrun.Result stats(Path input, String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("configs/bigdata/stats.yaml", "--out",
                dir.resolve(name).toString(), "--set", "stats.input=" + input, "--set", "stats.workers=2"));
        args.addAll(List.of(more));
        return Mpjrun.run(args.toArray(String[]::new));
    }

    private static JsonNode report(Mpjrun.Result r, String name) throws IOException {
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        return r.report(dir.resolve(name).resolve("report.json"));
    }

    @Test
    void aLineLongerThanAChunkIsReadInEveryMode() throws Exception {
        Mpjrun.Result stdin = Mpjrun.runWithInput(longLine.toFile(), "configs/bigdata/stats-stdin.yaml",
                "--out", dir.resolve("long-stdin").toString());
        assertEquals(11_001, report(stdin, "long-stdin").get("rows_read").asLong(), stdin.all());
        for (String partition : List.of("stream", "parallel")) {
            Mpjrun.Result r = stats(longLine, "long-" + partition, "--set", "stats.partition=" + partition,
                    "--set", "stats.chunk_kb=64");
            JsonNode j = report(r, "long-" + partition);
            assertEquals(11_001, j.get("rows_kept").asLong(), partition);
            assertTrue(r.all().length() < 100_000, "the console shows the 2 MiB category name clipped: "
                    + r.all().length() + " characters");
            assertEquals(11_001, j.get("by_category").get("a").get("count").asLong()
                    + j.get("by_category").get("x".repeat(2 << 20)).get("count").asLong(), partition);
        }
    }

    @Test
    void aLineBeyondTheLimitStopsTheStreamWithOneMessage() throws Exception {
        Path huge = dir.resolve("huge.csv");
        try (BufferedWriter w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            w.write("id,timestamp,category,value\n1,1,a,1\n2,1,");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'y');
            for (int i = 0; i < 65; i++) {
                w.write(block);
            }
            w.write(",2\n3,1,a,3\n");
        }
        Mpjrun.Result r = Mpjrun.runWithInput(huge.toFile(), "configs/bigdata/stats-stdin.yaml",
                "--out", dir.resolve("huge").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains("standard input: the line starting near byte 8 is longer than 64 MiB"), r.all());
        assertTrue(!r.all().contains("VERIFY PASS") && !r.all().contains("Exception"), r.all());
    }

    @Test
    void nonFiniteValuesAreCountedAndLeftOut() throws Exception {
        Path csv = dir.resolve("inf.csv");
        Files.writeString(csv, "id,timestamp,category,value\n1,1,a,1.5\n2,1,a,2.5\n3,1,a,1e400\n4,1,b,-Infinity\n"
                + "5,1,b,NaN\n");
        JsonNode j = report(stats(csv, "inf"), "inf");
        assertEquals(5, j.get("rows_read").asLong());
        assertEquals(3, j.get("rows_nonfinite").asLong());
        assertEquals(2, j.get("count").asLong());
        assertEquals(2.0, j.get("mean").asDouble());
        assertEquals(2.5, j.get("max").asDouble());
        assertEquals(2.0, j.get("quantiles").get("p50").asDouble());
        assertEquals(2, j.get("histogram").get("counts").size() > 0 ? sum(j.get("histogram").get("counts")) : -1);
    }

    @Test
    void keptNansMakeEveryStatisticNullAlike() throws Exception {
        Path csv = dir.resolve("nan.csv");
        Files.writeString(csv, "id,timestamp,category,value\n1,1,a,1.5\n2,1,a,NaN\n3,1,a,2.5\n");
        JsonNode j = report(stats(csv, "nan", "--set", "stats.filter.drop_nan=false"), "nan");
        assertEquals(3, j.get("count").asLong());
        assertEquals(1, j.get("rows_nonfinite").asLong());
        for (String field : List.of("sum", "mean", "variance", "stddev", "min", "max")) {
            assertTrue(j.get(field).isNull(), field + " is " + j.get(field));
        }
    }

    @Test
    void valuesNear1e308KeepAFiniteMeanAndStddev() throws Exception {
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, "category,value\na,1e308\na,-1e308\na,1e308\na,-1e308\n");
        JsonNode j = report(stats(csv, "big"), "big");
        assertEquals(0.0, j.get("mean").asDouble());
        assertEquals(Math.sqrt(4.0 / 3) * 1e308, j.get("stddev").asDouble(), 1e295);
        assertTrue(j.get("variance").isNull(), "4/3 * 1e616 lies beyond the double range");
        assertEquals(1e308, j.get("quantiles").get("p99").asDouble());
    }

    @Test
    void aValueOnAnInnerHistogramEdgeCountsInTheBinAbove() throws Exception {
        StringBuilder text = new StringBuilder("category,value\n");
        for (int i = 0; i <= 98; i++) {
            text.append("a,").append(i).append('\n');
        }
        Path csv = dir.resolve("seq.csv");
        Files.writeString(csv, text);
        JsonNode h = report(stats(csv, "seq", "--set", "stats.bins=2"), "seq").get("histogram");
        assertEquals("[0.0,49.0,98.0]", h.get("edges").toString());
        assertEquals("[49,50]", h.get("counts").toString(), "numpy.histogram(range(99), 2)");
    }

    private static long sum(JsonNode counts) {
        long s = 0;
        for (JsonNode c : counts) {
            s += c.asLong();
        }
        return s;
    }

    @Test
    void aMalformedValueOver64KbIsOneMalformedRowInBothModes() throws Exception {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "id,timestamp,category,value\n1,1,a,1\n2,1,a," + "7".repeat(70_000) + "x\n3,1,a,3\n");
        for (String partition : List.of("stream", "parallel")) {
            Mpjrun.Result r = stats(csv, "wide-" + partition, "--set", "stats.partition=" + partition);
            JsonNode j = report(r, "wide-" + partition);
            assertEquals(1, j.get("rows_malformed").asLong(), partition);
            assertEquals(2, j.get("rows_kept").asLong(), partition);
            String reason = j.get("malformed_lines").get(0).get("reason").asText();
            assertTrue(reason.length() < 300, reason.length() + " characters: " + partition);
            assertTrue(r.all().length() < 20_000, "the value is not echoed whole: " + r.all().length());
        }
    }
}
