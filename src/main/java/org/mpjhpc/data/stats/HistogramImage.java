package org.mpjhpc.data.stats;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.output.AtomicWrite;

/** histogram.png: the bars over [min, max], with the axis labelled. */
final class HistogramImage {
    private static final int W = 720;
    private static final int H = 420;
    private static final int MARGIN = 60;

    private HistogramImage() {
    }

    static void write(Bins bins, long[] counts, String label, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        long peak = 1;
        for (long n : counts) {
            peak = Math.max(peak, n);
        }
        int plotW = W - 2 * MARGIN;
        int plotH = H - 2 * MARGIN;
        g.setColor(new Color(59, 82, 139));
        for (int i = 0; i < counts.length; i++) {
            int x0 = MARGIN + plotW * i / counts.length;
            int x1 = MARGIN + plotW * (i + 1) / counts.length;
            int h = (int) Math.round((double) plotH * counts[i] / peak);
            g.fillRect(x0, H - MARGIN - h, Math.max(1, x1 - x0 - 1), h);
        }
        g.setColor(Color.BLACK);
        g.drawLine(MARGIN, H - MARGIN, W - MARGIN, H - MARGIN);
        g.drawLine(MARGIN, MARGIN, MARGIN, H - MARGIN);
        g.drawString(String.format(Locale.ROOT, "%.5g", bins.lo()), MARGIN - 10, H - MARGIN + 18);
        String hi = String.format(Locale.ROOT, "%.5g", bins.hi());
        g.drawString(hi, W - MARGIN - g.getFontMetrics().stringWidth(hi) + 10, H - MARGIN + 18);
        g.drawString(label, W / 2 - g.getFontMetrics().stringWidth(label) / 2, H - MARGIN + 36);
        g.drawString(Long.toString(peak), 6, MARGIN + 4);
        g.drawString("0", MARGIN - 14, H - MARGIN);
        g.drawString("count per bin (" + counts.length + " bins)", MARGIN, MARGIN - 16);
        g.dispose();
        AtomicWrite.png(file, img);
    }
}
