package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.format.ColumnScan;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.format.CsvLayout;
import org.mpjhpc.data.format.CsvScanner;
import org.mpjhpc.data.generate.Generator;

/**
 * Byte soups and damaged files into the scanners: every row is counted as read, and as
 * kept, filtered, malformed or non-finite; nothing else is ever thrown but a UserError.
 */
class HostileDataPropertiesTest {
    private static final CsvLayout LAYOUT = new CsvLayout((byte) ',', 3, 2, 1);

    @Provide
    Arbitrary<byte[]> soups() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789.-+eE,\" \r\n")
                .ofMaxLength(12), Arbitraries.of("nan", "NaN", "inf", "-Infinity", "1e400", "-1e-400", "0x1p3", "",
                "\"a,b\"", "\"\"", "1.5", "\u00e9", "1e308"));
        Arbitrary<byte[]> csvLike = field.list().ofMaxSize(60).map(l -> String.join(",", l)
                .getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(csvLike, Arbitraries.bytes().array(byte[].class).ofMaxSize(400));
    }

    @Property(tries = 1000)
    void everyLineOfAnySoupIsCountedOnce(@ForAll("soups") byte[] soup, @ForAll boolean dropNan,
            @ForAll @IntRange(min = 0, max = 2) int transform) {
        Transform t = transform == 0 ? Transform.NONE : new Transform("none", 1, 0, transform == 2);
        RowFilter filter = new RowFilter(-1e300, 1e300, java.util.Set.of(), dropNan);
        LocalData data = new LocalData(t, filter, true, List.of());
        long lines = new CsvScanner(LAYOUT).scan(soup, 0, soup.length, 1, data);
        long blank = blankLines(soup);
        assertEquals(lines - blank, data.rowsRead, "every non-blank line is one row read");
        long kept = data.moments()[0].count();
        for (Moments m : java.util.Arrays.copyOfRange(data.moments(), 1, data.moments().length)) {
            kept += m.count();
        }
        assertEquals(data.rowsRead, kept + data.filtered + data.malformed + (dropNan ? data.nonfinite : 0));
    }

    private static long blankLines(byte[] b) {
        long blank = 0;
        int start = 0;
        while (start < b.length) {
            int end = start;
            while (end < b.length && b[end] != '\n') {
                end++;
            }
            int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
            blank += stop == start ? 1 : 0;
            start = end + 1;
        }
        return blank;
    }

    @Property(tries = 300)
    void aDamagedColumnarFileIsAUserErrorOrReadsWhole(@ForAll @Size(min = 1, max = 8) List<
            @IntRange(min = 0, max = 400) Integer> at, @ForAll byte value, @ForAll @IntRange(min = 0, max = 3) int cut)
            throws IOException {
        Path file = Files.createTempFile("damaged", ".col");
        try {
            byte[] good = goodFile();
            byte[] bad = java.util.Arrays.copyOf(good, good.length - cut * 7);
            for (int i : at) {
                bad[Math.min(i, bad.length - 1)] = value;
            }
            Files.write(file, bad);
            try {
                Columnar.Header h = Columnar.checkFile(file);
                long[] rows = {0};
                new ColumnScan(file, h, 0, h.groups()).groups((codes, v, n) -> rows[0] += n);
                assertEquals(h.rows(), rows[0], "a file that reads, reads whole");
            } catch (UserError e) {
                // what a damaged file should give: one message
            }
        } finally {
            Files.delete(file);
        }
    }

    @org.junit.jupiter.api.Test
    void negativeOrHugeHeaderCountsAreDamageNotACrash() throws IOException {
        int[][] edits = {{24, 0xff, 0xff}, {8, 0xff, 0xff, 0xff, 0x7f}, {12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}};
        for (int[] edit : edits) { // a name length of -1; 2^31-1 rows a group; 2^60 rows
            byte[] bad = goodFile();
            for (int i = 1; i < edit.length; i++) {
                bad[edit[0] + i - 1] = (byte) edit[i];
            }
            Path file = Files.createTempFile("damaged", ".col");
            Files.write(file, bad);
            UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Columnar.checkFile(file));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("damaged header"), e.getMessage());
            Files.delete(file);
        }
    }

    private static byte[] goodFile() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Generator g = new Generator(3, 3, 0);
        long rows = 10;
        out.write(Columnar.header(Generator.BLOCK_ROWS, rows, Generator.names(3)));
        out.write(g.block(0, rows, false, true).group());
        return out.toByteArray();
    }
}
