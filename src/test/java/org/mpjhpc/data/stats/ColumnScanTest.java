package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.format.ColumnScan;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.generate.Generator;

/** The binary columns read by a scan against the row groups as the generator wrote them, on a real file. */
class ColumnScanTest {
    private static final long ROWS = 2 * Generator.BLOCK_ROWS + 18_928; // the last group is short
    private static final Generator GENERATOR = new Generator(7, 5, 0);

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void writeFile() throws IOException {
        file = dir.resolve("s.col");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Columnar.header(Generator.BLOCK_ROWS, ROWS, Generator.names(5)));
            for (int g = 0; g < 3; g++) {
                out.write(GENERATOR.block(g, ROWS, false, true).group());
            }
        }
    }

    /** Group {@code g}'s codes and values, decoded from the generator's bytes. */
    private static Object[] expected(int g) {
        ByteBuffer b = ByteBuffer.wrap(GENERATOR.block(g, ROWS, false, true).group()).order(ByteOrder.LITTLE_ENDIAN);
        int r = b.capacity() / Columnar.ROW_BYTES;
        short[] codes = new short[r];
        double[] values = new double[r];
        for (int i = 0; i < r; i++) {
            codes[i] = b.getShort(16 * r + 2 * i);
            values[i] = b.getDouble(18 * r + 8 * i);
        }
        return new Object[] {codes, values};
    }

    @Test
    void everyScanDecodesEachGroupOnceInOrder() throws IOException {
        Columnar.Header h = Columnar.checkFile(file);
        ColumnScan scan = new ColumnScan(file, h, 1, 3);
        for (int pass = 0; pass < 2; pass++) { // the later passes scan again
            List<Integer> sizes = new ArrayList<>();
            int[] g = {1};
            scan.groups((codes, v, n) -> {
                Object[] want = expected(g[0]++);
                assertArrayEquals((short[]) want[0], Arrays.copyOf(codes, n));
                assertArrayEquals((double[]) want[1], Arrays.copyOf(v, n));
                sizes.add(n);
            });
            assertEquals(List.of(Generator.BLOCK_ROWS, 18_928), sizes, "pass " + pass);
        }
    }

    @Test
    void aFileTruncatedBetweenPassesIsNamed() throws IOException {
        Path copy = dir.resolve("cut.col");
        Files.copy(file, copy);
        ColumnScan scan = new ColumnScan(copy, Columnar.checkFile(copy), 0, 3);
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> scan.groups((codes, v, n) -> { }));
        assertEquals(copy + ": cannot read: the file ends early (it was truncated while being read)", e.getMessage());
    }

    @Test
    void aCategoryCodeOutsideTheDictionaryIsNamedWithItsRow() throws IOException {
        Path copy = dir.resolve("bad-code.col");
        Files.copy(file, copy);
        Columnar.Header h = Columnar.checkFile(copy);
        int r = h.rowsIn(1);
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 5),
                    h.groupStart(1) + 16L * r + 2 * 7); // group 1, its 8th row
        }
        ColumnScan scan = new ColumnScan(copy, h, 0, 3);
        UserError e = assertThrows(UserError.class, () -> scan.groups((codes, v, n) -> { }));
        assertEquals(copy + ": damaged: row " + (Generator.BLOCK_ROWS + 8)
                + " has category code 5, but the header names 5 categories", e.getMessage());
    }

    @Test
    void groupsGiveTheSameStatisticsAndKeptValuesAsRowByRow() throws IOException {
        Transform toF = new Transform("c_to_f", 1, 0, false);
        RowFilter filter = new RowFilter(60, 90, Set.of("site-01", "site-03", "site-04"), true);
        long filtered = sameAsRowByRow(file, toF, filter)[0];
        assertEquals(true, filtered > ROWS / 3 && filtered < ROWS, "the filters bite");
        assertEquals(0, sameAsRowByRow(file, Transform.NONE, RowFilter.DEFAULT)[0], "no filter: every row kept");
        Path withNan = dir.resolve("nan.col");
        Files.copy(file, withNan, StandardCopyOption.REPLACE_EXISTING);
        Columnar.Header h = Columnar.checkFile(withNan);
        try (FileChannel ch = FileChannel.open(withNan, StandardOpenOption.WRITE)) {
            for (int g = 0; g < 3; g += 2) { // a NaN in the first group, an infinity in the last
                ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0,
                        g == 0 ? Double.NaN : Double.POSITIVE_INFINITY), h.groupStart(g) + 18L * h.rowsIn(g) + 8 * 3);
            }
        }
        assertArrayEquals(new long[] {0, 2}, sameAsRowByRow(withNan, Transform.NONE, RowFilter.DEFAULT),
                "the NaN and the infinity counted as non-finite and dropped, nothing filtered");
        RowFilter keepNan = new RowFilter(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Set.of(), false);
        assertArrayEquals(new long[] {0, 2}, sameAsRowByRow(withNan, Transform.NONE, keepNan), "kept and counted");
    }

    /** Reads {@code path} by groups and row by row; both see the same; returns the rows filtered and non-finite. */
    private static long[] sameAsRowByRow(Path path, Transform transform, RowFilter filter) {
        LocalData byGroup = new LocalData(transform, filter, true, Generator.names(5));
        LocalData byRow = new LocalData(transform, filter, true, Generator.names(5));
        Columnar.Header h = Columnar.checkFile(path);
        ColumnScan scan = new ColumnScan(path, h, 0, h.groups());
        scan.groups((codes, v, n) -> {
            for (int i = 0; i < n; i++) {
                byRow.add(v[i], codes[i]);
            }
            byGroup.addGroup(codes, v, n);
        });
        byGroup.readFrom(scan);
        assertEquals(ROWS, byGroup.rowsRead);
        assertEquals(byRow.filtered, byGroup.filtered);
        assertEquals(byRow.nonfinite, byGroup.nonfinite);
        assertEquals(List.of(byRow.moments()), List.of(byGroup.moments()), "bitwise the same statistics");
        List<Double> rowValues = new ArrayList<>();
        byRow.kept().scan((v, from, to) -> Arrays.stream(v, from, to).forEach(rowValues::add));
        for (int pass = 0; pass < 2; pass++) {
            List<Double> groupValues = new ArrayList<>();
            byGroup.kept().scan((v, from, to) -> Arrays.stream(v, from, to).forEach(groupValues::add));
            assertEquals(true, rowValues.equals(groupValues), "the later passes see the same kept values, read again ("
                    + rowValues.size() + " by row, " + groupValues.size() + " by group)");
        }
        return new long[] {byGroup.filtered, byGroup.nonfinite};
    }
}
