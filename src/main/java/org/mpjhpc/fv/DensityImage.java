package org.mpjhpc.fv;

import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Raster;

/** density.png: the final density field in a perceptual colour map, with its colour scale. */
final class DensityImage {
    /** Viridis at five stops, interpolated linearly. */
    private static final int[][] STOPS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private DensityImage() {
    }

    static void write(FvConfig c, double[][] f, Path file) {
        AtomicWrite.png(file, draw(c, f));
    }

    static Raster draw(FvConfig c, double[][] f) {
        return draw(c, f, 512, false);
    }

    /**
     * The picture at a whole multiple of the grid near {@code side} pixels; with {@code cap},
     * never wider or taller than {@code side} (the live monitor's, drawn about once a second).
     */
    static Raster draw(FvConfig c, double[][] f, int side, boolean cap) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double r : f[0]) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        int scale = Math.max(1, side / Math.max(c.nx(), c.ny()));
        int w = Math.max(c.nx() * scale, 64);
        int h = Math.max(c.ny() * scale, 64);
        if (cap && Math.max(w, h) > side) {
            double k = (double) side / Math.max(w, h);
            w = Math.max(64, (int) (w * k));
            h = Math.max(64, (int) (h * k));
        }
        Raster img = new Raster(w + 110, h + 40, 0xffffff);
        for (int py = 0; py < h; py++) {
            int j = Math.min(c.ny() - 1, (h - 1 - py) * c.ny() / h);
            for (int px = 0; px < w; px++) {
                int i = Math.min(c.nx() - 1, px * c.nx() / w);
                img.set(px + 10, py + 20, colour(norm(f[0][j * c.nx() + i], lo, hi)));
            }
        }
        for (int py = 0; py < h; py++) {
            int rgb = colour(1.0 - (double) py / Math.max(1, h - 1));
            img.fill(w + 20, py + 20, 16, 1, rgb);
        }
        img.text(w + 40, 23, String.format(Locale.ROOT, "%.4g", hi), 0, 1);
        img.text(w + 40, h + 13, String.format(Locale.ROOT, "%.4g", lo), 0, 1);
        img.text(10, 6, "density, " + FvConfig.key(c.problem()), 0, 1);
        return img;
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
