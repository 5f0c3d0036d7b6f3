package org.mpjhpc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineRangesTest {
    @TempDir
    Path dir;

    private static List<String> read(Path file, int parts) throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file)) {
            for (int i = 0; i < parts; i++) {
                long[] r = LineRanges.range(ch.size(), parts, i);
                LineRanges.forEach(ch, r[0], r[1], (n, line) -> lines.add(line));
            }
        }
        return lines;
    }

    /** As the workers read: {@link LineChunks#lines} of each range, then its chunks cut into lines. */
    private static List<String> readChunked(Path file, int parts, int chunk) throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file)) {
            for (int i = 0; i < parts; i++) {
                long[] r = LineRanges.range(ch.size(), parts, i);
                long[] whole = LineChunks.lines(ch, r[0], r[1]);
                LineChunks.read(ch, whole[0], whole[1], chunk, (buf, n, done) -> {
                    String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                    for (String line : text.split("\n", -1)) {
                        lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                    }
                    if (text.endsWith("\n")) {
                        lines.remove(lines.size() - 1); // no line after the last newline
                    }
                });
            }
        }
        return lines;
    }

    @Test
    void everyLineIsReadExactlyOnceForRandomSplits() throws IOException {
        Random random = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            List<String> expected = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(200);
            for (int i = 0; i < lines; i++) {
                String line = "row" + i + ",".repeat(random.nextInt(3)) + "x".repeat(random.nextInt(random.nextInt(5) == 0 ? 20000 : 40));
                expected.add(line);
                text.append(line).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            if (lines > 0 && random.nextBoolean()) {
                text.setLength(text.length() - 1); // no newline at the end
                if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
                    text.setLength(text.length() - 1);
                }
            }
            Path file = dir.resolve("t" + trial + ".csv");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            int parts = 1 + random.nextInt(Math.max(1, Math.min(64, text.length() + 3)));
            assertEquals(expected, read(file, parts), "trial " + trial + " with " + parts + " parts");
            int chunk = 1 + random.nextInt(300);
            assertEquals(expected, readChunked(file, parts, chunk),
                    "trial " + trial + " with " + parts + " parts read in chunks of " + chunk);
        }
    }

    @Test
    void aRangeInWhichNoLineStartsReadsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "id,value,category\n1,2,x\n");
        assertEquals(List.of("id,value,category", "1,2,x"), readChunked(file, 4, 64), "the header spans three ranges");
        assertEquals(List.of("id,value,category", "1,2,x"), readChunked(file, 30, 64), "more ranges than bytes");
    }

    @Test
    void rangesCoverTheFileWithoutGaps() {
        for (int parts = 1; parts < 9; parts++) {
            long covered = 0;
            for (int i = 0; i < parts; i++) {
                long[] r = LineRanges.range(1001, parts, i);
                assertEquals(covered, r[0]);
                covered = r[1];
            }
            assertEquals(1001, covered);
        }
    }

    @Test
    void aLineOverTheRowLimitIsNamedByWhereItStarts(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("long.csv");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
            out.write("h\nshort\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'y');
            for (int i = 0; i <= LineChunks.MAX_LINE >> 20; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        try (FileChannel ch = FileChannel.open(f)) {
            long[] read = {0};
            LineChunks.LineTooLong e = org.junit.jupiter.api.Assertions.assertThrows(LineChunks.LineTooLong.class,
                    () -> LineChunks.read(ch, 0, ch.size(), 4096, (buf, n, done) -> read[0] += n));
            assertEquals(8, e.start, "the long line starts after 'h' and 'short'");
            assertEquals(8, read[0], "the lines before it were read");
        }
    }
}
