package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpjhpc.output.Raster;

class HistogramImageTest {
    private static final int BAR = 0x3b528b;
    private static final int WHITE = 0xffffff;

    @Test
    void eachBarIsAsTallAsItsCountAgainstThePeak() {
        Raster img = HistogramImage.draw(new Bins(0, 3, 3), new long[] {0, 5, 10}, "x");
        int bottom = 420 - 60 - 1; // the row above the axis
        int plotH = 420 - 2 * 60;
        int[] middles = {60 + 600 / 6, 60 + 600 / 2, 60 + 5 * 600 / 6};
        assertEquals(0, height(img, middles[0], bottom), "an empty bin draws no bar");
        assertEquals(plotH / 2, height(img, middles[1], bottom), "half the peak, half the height");
        assertEquals(plotH, height(img, middles[2], bottom), "the peak fills the plot");
        assertEquals(WHITE, img.get(60 + 600 / 3 - 1, bottom), "a white gap between bars");
    }

    private static int height(Raster img, int x, int bottom) {
        int h = 0;
        while (img.get(x, bottom - h) == BAR) {
            h++;
        }
        return h;
    }
}
