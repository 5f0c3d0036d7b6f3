package org.mpjhpc.data.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeneratorTest {
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
}
