package org.mpjhpc.data.stats;

import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Raster;

/** histogram.png: the bars over [min, max], with the axis labelled. */
final class HistogramImage {
    private static final int W = 720;
    private static final int H = 420;
    private static final int MARGIN = 60;
    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;
    private static final int BAR = 0x3b528b;
    /** Font cells of 2 x 2 pixels: capitals 14 pixels high. */
    private static final int TEXT = 2;

    private HistogramImage() {
    }

    static void write(Bins bins, long[] counts, String label, Path file) {
        AtomicWrite.png(file, draw(bins, counts, label));
    }

    static Raster draw(Bins bins, long[] counts, String label) {
        Raster img = new Raster(W, H, WHITE);
        long peak = 1;
        for (long n : counts) {
            peak = Math.max(peak, n);
        }
        int plotW = W - 2 * MARGIN;
        int plotH = H - 2 * MARGIN;
        for (int i = 0; i < counts.length; i++) {
            int x0 = MARGIN + plotW * i / counts.length;
            int x1 = MARGIN + plotW * (i + 1) / counts.length;
            int h = (int) Math.round((double) plotH * counts[i] / peak);
            img.fill(x0, H - MARGIN - h, Math.max(1, x1 - x0 - 1), h, BAR);
        }
        img.fill(MARGIN, H - MARGIN, plotW + 1, 1, BLACK);
        img.fill(MARGIN, MARGIN, 1, plotH + 1, BLACK);
        String lo = String.format(Locale.ROOT, "%.5g", bins.lo());
        String hi = String.format(Locale.ROOT, "%.5g", bins.hi());
        img.text(MARGIN - 10, H - MARGIN + 6, lo, BLACK, TEXT);
        img.text(W - MARGIN + 10 - Raster.textWidth(hi, TEXT), H - MARGIN + 6, hi, BLACK, TEXT);
        img.text(W / 2 - Raster.textWidth(label, TEXT) / 2, H - MARGIN + 28, label, BLACK, TEXT);
        String top = Long.toString(peak);
        img.text(Math.max(2, MARGIN - 6 - Raster.textWidth(top, TEXT)), MARGIN - 7, top, BLACK, TEXT);
        img.text(MARGIN - 6 - Raster.textWidth("0", TEXT), H - MARGIN - 14, "0", BLACK, TEXT);
        img.text(MARGIN, MARGIN - 30, "count per bin (" + counts.length + " bins)", BLACK, TEXT);
        return img;
    }
}
