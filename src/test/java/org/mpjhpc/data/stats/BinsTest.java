package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class BinsTest {
    @Test
    void aValueOnAnInnerEdgeOpensTheBinAbove() {
        Bins bins = new Bins(0, 98, 2);
        long[] counts = new long[2];
        for (int x = 0; x <= 98; x++) {
            counts[bins.index(x)]++;
        }
        assertEquals(49.0, bins.edge(1));
        assertArrayEquals(new long[] {49, 50}, counts, "numpy: [0, 49) holds 49 values, [49, 98] 50");
    }

    @Test
    void theTopValueIsInTheLastBinAndOutsideValuesInNone() {
        Bins bins = new Bins(-1, 1, 4);
        assertEquals(3, bins.index(1));
        assertEquals(0, bins.index(-1));
        assertEquals(-1, bins.index(1.0000001));
        assertEquals(-1, bins.index(Double.NaN));
    }

    @Test
    void aRangeWiderThanTheDoublesStillHasEqualBins() {
        Bins bins = new Bins(-Double.MAX_VALUE, Double.MAX_VALUE, 4);
        assertEquals(0.0, bins.edge(2));
        assertEquals(0, bins.index(-1e308));
        assertEquals(1, bins.index(-1));
        assertEquals(2, bins.index(0));
        assertEquals(3, bins.index(1e308));
    }

    /** Every value lies between the edges the report prints for its bin, and the index is monotone. */
    @Property(tries = 2000)
    void aValueLiesBetweenItsBinsPrintedEdges(@ForAll @DoubleRange(min = -1e6, max = 1e6) double lo,
            @ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double width, @ForAll @IntRange(min = 1, max = 1000) int n,
            @ForAll @IntRange(min = 0, max = 1000) int at) {
        Bins bins = new Bins(lo, lo + width, n);
        double x = bins.edge(at % (n + 1)); // edges are where rounding bites
        for (double y : new double[] {x, Math.nextDown(x), Math.nextUp(x)}) {
            int i = bins.index(y);
            if (y < bins.lo() || y > bins.hi()) {
                assertEquals(-1, i);
                continue;
            }
            assertTrue(bins.edge(i) <= y, () -> y + " below its bin's lower edge " + bins.edge(i));
            assertTrue(i == n - 1 ? y <= bins.hi() : y < bins.edge(i + 1), () -> y + " not below the next edge");
            assertTrue(bins.index(Math.nextDown(y)) <= i || Math.nextDown(y) < bins.lo(), "monotone");
        }
    }
}
