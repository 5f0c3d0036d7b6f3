package org.mpjhpc.fv;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.output.AtomicWrite;

/** density.png: the final density field in a perceptual colour map, with its colour scale. */
final class DensityImage {
    /** Viridis at five stops, interpolated linearly. */
    private static final int[][] STOPS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private DensityImage() {
    }

    static void write(FvConfig c, double[][] f, Path file) {
        System.setProperty("java.awt.headless", "true");
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double r : f[0]) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        int scale = Math.max(1, 512 / Math.max(c.nx(), c.ny()));
        int w = Math.max(c.nx() * scale, 64);
        int h = Math.max(c.ny() * scale, 64);
        BufferedImage img = new BufferedImage(w + 110, h + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int py = 0; py < h; py++) {
            int j = Math.min(c.ny() - 1, (h - 1 - py) * c.ny() / h);
            for (int px = 0; px < w; px++) {
                int i = Math.min(c.nx() - 1, px * c.nx() / w);
                img.setRGB(px + 10, py + 20, colour(norm(f[0][j * c.nx() + i], lo, hi)));
            }
        }
        for (int py = 0; py < h; py++) {
            int rgb = colour(1.0 - (double) py / Math.max(1, h - 1));
            for (int px = 0; px < 16; px++) {
                img.setRGB(w + 20 + px, py + 20, rgb);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%.4g", hi), w + 40, 30);
        g.drawString(String.format(Locale.ROOT, "%.4g", lo), w + 40, h + 20);
        g.drawString("density, " + FvConfig.key(c.problem()), 10, 14);
        g.dispose();
        AtomicWrite.png(file, img);
    }

    private static double norm(double v, double lo, double hi) {
        return hi > lo ? (v - lo) / (hi - lo) : 0.5;
    }

    private static int colour(double t) {
        double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) x);
        double a = x - k;
        int r = (int) Math.round(STOPS[k][0] + a * (STOPS[k + 1][0] - STOPS[k][0]));
        int gr = (int) Math.round(STOPS[k][1] + a * (STOPS[k + 1][1] - STOPS[k][1]));
        int b = (int) Math.round(STOPS[k][2] + a * (STOPS[k + 1][2] - STOPS[k][2]));
        return (r << 16) | (gr << 8) | b;
    }
}
