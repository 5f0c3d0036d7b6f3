package org.mpjhpc.output;

/**
 * An RGB picture in memory with the few drawing operations the report images need: filled
 * rectangles, single pixels and text in a bitmap font. {@link AtomicWrite#png} saves it.
 * Coordinates outside the picture are clipped.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final int[] rgb;

    /** A picture of {@code width} x {@code height} pixels filled with {@code background} (0xRRGGBB). */
    public Raster(int width, int height, int background) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a picture needs a positive size, not " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
        fill(0, 0, width, height, background);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The colour at (x, y), 0xRRGGBB. */
    public int get(int x, int y) {
        return rgb[y * width + x];
    }

    /** Sets one pixel. */
    public void set(int x, int y, int colour) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            rgb[y * width + x] = colour;
        }
    }

    /**
     * Fills the rectangle whose top left corner is (x, y). The first row is filled by
     * doubling copies and the others copied from it: a report's single image is drawn while
     * the JVM still interprets, where a plain loop over every pixel costs milliseconds.
     */
    public void fill(int x, int y, int w, int h, int colour) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + w);
        int y0 = Math.max(0, y);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        int first = y0 * width + x0;
        int n = x1 - x0;
        rgb[first] = colour;
        for (int done = 1; done < n; done *= 2) {
            System.arraycopy(rgb, first, rgb, first + done, Math.min(done, n - done));
        }
        for (int yy = y0 + 1; yy < y1; yy++) {
            System.arraycopy(rgb, first, rgb, yy * width + x0, n);
        }
    }

    /**
     * Writes {@code text} with its glyph cells' top left corner at (x, y), each font cell
     * drawn as {@code scale} x {@code scale} pixels.
     */
    public void text(int x, int y, String text, int colour, int scale) {
        for (int i = 0; i < text.length(); i++) {
            int[] rows = BitmapFont.rows(text.charAt(i));
            int left = x + i * advance(scale);
            for (int r = 0; r < BitmapFont.HEIGHT; r++) {
                for (int c = 0; c < BitmapFont.WIDTH; c++) {
                    if ((rows[r] >> (BitmapFont.WIDTH - 1 - c) & 1) != 0) {
                        fill(left + c * scale, y + r * scale, scale, scale, colour);
                    }
                }
            }
        }
    }

    /** The width {@code text} takes at {@code scale}. */
    public static int textWidth(String text, int scale) {
        return text.isEmpty() ? 0 : text.length() * advance(scale) - scale;
    }

    /** The height of a line of text at {@code scale}, descenders included. */
    public static int textHeight(int scale) {
        return BitmapFont.HEIGHT * scale;
    }

    private static int advance(int scale) {
        return (BitmapFont.WIDTH + 1) * scale;
    }

    int[] pixels() {
        return rgb;
    }
}
