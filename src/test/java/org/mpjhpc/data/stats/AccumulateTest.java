package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.data.format.Columnar;

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
    void malformedRowsAreNumberedInTheWholeInput() {
        List<LocalData.Piece> pieces = List.of(
                new LocalData.Piece(2, 5, List.of(new LocalData.Bad(1, "c"))),
                new LocalData.Piece(0, 10, List.of(new LocalData.Bad(4, "a"))),
                new LocalData.Piece(1, 7, List.of(new LocalData.Bad(7, "b"))));
        List<Pieces.BadLine> bad = Pieces.firstBad(Pieces.decode(Pieces.encode(pieces)), 10);
        assertEquals(List.of(new Pieces.BadLine(4, "a"), new Pieces.BadLine(17, "b"), new Pieces.BadLine(18, "c")),
                bad);
    }
}
