package org.mpjhpc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RasterTest {
    @Test
    void everyPrintableCharacterHasItsOwnGlyphWithinItsCell() {
        Set<String> seen = new HashSet<>();
        for (char c = '!'; c <= '~'; c++) {
            int[] rows = BitmapFont.rows(c);
            assertEquals(BitmapFont.HEIGHT, rows.length);
            int ink = 0;
            for (int row : rows) {
                assertEquals(0, row >> BitmapFont.WIDTH, "'" + c + "' is wider than its cell");
                ink |= row;
            }
            assertTrue(ink != 0, "'" + c + "' has no ink");
            assertTrue(seen.add(java.util.Arrays.toString(rows)), "'" + c + "' looks like another character");
        }
        assertEquals(0, java.util.Arrays.stream(BitmapFont.rows(' ')).sum(), "a space is blank");
        assertEquals(java.util.Arrays.toString(BitmapFont.rows('?')), java.util.Arrays.toString(BitmapFont.rows('é')),
                "a character outside ASCII draws as '?'");
    }

    @Test
    void textInksOnlyTheBoxItsMeasuredWidthAndHeightGive() {
        Raster r = new Raster(200, 60, 0);
        String s = "Wq|9,_";
        r.text(10, 20, s, 0xffffff, 3);
        int w = Raster.textWidth(s, 3);
        int h = Raster.textHeight(3);
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 200; x++) {
                if (r.get(x, y) != 0) {
                    assertTrue(x >= 10 && x < 10 + w && y >= 20 && y < 20 + h, "ink outside the box at " + x + "," + y);
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertEquals(10, minX, "W starts at the left edge");
        assertEquals(10 + w - 1, maxX, "_ ends at the right edge");
        assertEquals(20 + h - 1, maxY, "q's descender reaches the bottom");
    }

    @Test
    void drawingOffThePictureIsClipped() {
        Raster r = new Raster(5, 5, 1);
        r.fill(-3, -3, 5, 5, 2);
        r.fill(4, 4, 10, 10, 3);
        r.set(-1, 0, 4);
        r.set(5, 5, 4);
        r.text(3, 3, "MMMM", 5, 2);
        assertEquals(2, r.get(0, 0));
        assertEquals(2, r.get(1, 1));
        assertEquals(1, r.get(2, 2));
        assertEquals(1, r.get(4, 0));
        assertFalse(r.get(4, 4) == 1, "the corner was drawn over");
    }
}
