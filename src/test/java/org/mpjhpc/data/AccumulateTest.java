package org.mpjhpc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccumulateTest {
    @Test
    void groupSumsMatchCommonsMathPerCategoryEvenNear1e9() {
        Random r = new Random(9);
        GroupAccumulator acc = new GroupAccumulator();
        DescriptiveStatistics[] ref = {new DescriptiveStatistics(), new DescriptiveStatistics()};
        for (int i = 0; i < 100_000; i++) {
            int c = r.nextInt(2);
            double x = c == 0 ? 1e9 + r.nextDouble() : r.nextGaussian() * 1e-3;
            acc.add(c, x);
            ref[c].addValue(x);
        }
        Moments[] got = acc.result(2);
        for (int c = 0; c < 2; c++) {
            assertEquals(ref[c].getN(), got[c].count());
            assertEquals(ref[c].getMean(), got[c].average(), Math.abs(ref[c].getMean()) * 1e-12);
            assertEquals(ref[c].getVariance(), got[c].variance(), ref[c].getVariance() * 1e-9);
            assertEquals(ref[c].getMin(), got[c].min());
            assertEquals(ref[c].getMax(), got[c].max());
        }
    }

    @Test
    void theScanFloorsKernelComputesWhatItClaims() {
        double[] v = new Random(4).doubles(10_000, 1e9, 1e9 + 1).toArray();
        double[] into = {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        ScanFloor.globalMoments(v, v.length, into);
        DescriptiveStatistics ref = new DescriptiveStatistics(v);
        BigDecimal shifted = BigDecimal.ZERO;
        for (double x : v) {
            shifted = shifted.add(new BigDecimal(x).subtract(new BigDecimal(v[0])));
        }
        assertEquals(v.length, into[0]);
        assertEquals(shifted.doubleValue(), into[1], 1e-6);
        assertEquals(ref.getVariance() * (v.length - 1), into[2] - into[1] * into[1] / v.length, 1e-6);
        assertEquals(ref.getMin(), into[3]);
        assertEquals(ref.getMax(), into[4]);
    }

    @Test
    void blocksAreTheSameWhicheverWorkerMakesThemAndTheCsvHoldsTheBinaryValues() {
        Generator a = new Generator(5, 4, 0);
        Generator b = new Generator(5, 4, 0);
        Generator.Block one = a.block(3, 1_000_000, true, true);
        b.block(0, 1_000_000, true, true); // another block first: no shared state
        assertArrayEquals(one.csv(), b.block(3, 1_000_000, true, true).csv());
        String firstLine = new String(one.csv(), 0, 60).split("\n")[0];
        double csvValue = Double.parseDouble(firstLine.split(",")[3]);
        int n = Generator.BLOCK_ROWS;
        double binValue = java.nio.ByteBuffer.wrap(one.group()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getDouble(18 * n);
        assertEquals(binValue, csvValue);
    }

    @Test
    void columnarHeaderRoundTripsAndATruncatedFileIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.col");
        byte[] header = Columnar.header(4, 6, List.of("a", "ñ"));
        Files.write(f, header);
        Files.write(f, new byte[6 * Columnar.ROW_BYTES], StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(f)) {
            Columnar.Header h = Columnar.read(ch, "x");
            assertEquals(List.of("a", "ñ"), h.categories());
            assertEquals(2, h.groups());
            assertEquals(2, h.rowsIn(1));
            assertEquals(header.length + 4L * Columnar.ROW_BYTES, h.groupStart(1));
        }
        Files.write(f, new byte[3], StandardOpenOption.APPEND);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.mpjhpc.config.UserError.class,
                () -> Columnar.checkFile(f));
        assertEquals(true, e.getMessage().contains("truncated or damaged"), e.getMessage());
    }

    @Test
    void malformedRowsAreNumberedInTheWholeInput() {
        List<LocalData.Piece> pieces = List.of(
                new LocalData.Piece(2, 5, List.of(new LocalData.Bad(1, "c"))),
                new LocalData.Piece(0, 10, List.of(new LocalData.Bad(4, "a"))),
                new LocalData.Piece(1, 7, List.of(new LocalData.Bad(7, "b"))));
        List<Pieces.BadLine> bad = Pieces.firstBad(Pieces.decode(Pieces.encode(pieces)), 10);
        assertEquals(List.of(new Pieces.BadLine(4, "a"), new Pieces.BadLine(17, "b"), new Pieces.BadLine(18, "c")),
                bad);
    }

    @Test
    void shuffleBucketsPartitionTheKeysAndMergeBack() {
        ByteTable t = new ByteTable();
        for (int i = 0; i < 5000; i++) {
            byte[] k = ("k" + (i % 777)).getBytes();
            t.add(k, 0, k.length, 1);
        }
        byte[][] buckets = Shuffle.buckets(t, 3);
        ByteTable back = new ByteTable();
        int records = 0;
        for (byte[] b : buckets) {
            records += Shuffle.merge(b, back);
        }
        assertEquals(777, records);
        assertEquals(777, back.size());
        assertEquals(5000, back.total());
    }
}
