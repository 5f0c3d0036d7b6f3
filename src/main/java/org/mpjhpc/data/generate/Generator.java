package org.mpjhpc.data.generate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mpjhpc.data.format.Columnar;

/**
 * Seeded sensor records, one block of rows at a time. Each block has its own random
 * stream derived from the seed and the block's index, so a block is the same whichever
 * worker makes it, and the files do not depend on the worker count.
 *
 * <p>Site {@code c} reads around {@code 15 + 2.5 c} with noise of standard deviation
 * {@code 1 + c / 4}; one reading in a thousand is a spike of 8 to 12 standard deviations,
 * so the outlier count has something to find. Values have three decimals, which the CSV
 * writes exactly, so the CSV and the binary file hold the same numbers.
 */
public final class Generator {
    /** Rows per block, and per row group of the binary file. */
    public static final int BLOCK_ROWS = 1 << 16;
    static final long START_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final String CSV_HEADER = "id,timestamp,category,value\n";

    private final long seed;
    private final int categories;
    private final long malformedEvery;

    public Generator(long seed, int categories, long malformedEvery) {
        this.seed = seed;
        this.categories = categories;
        this.malformedEvery = malformedEvery;
    }

    public static List<String> names(int categories) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            names.add(String.format("site-%02d", c));
        }
        return names;
    }

    /** One block's rows, as CSV text and as a binary row group (either may be skipped). */
    public record Block(byte[] csv, byte[] group) {
    }

    public Block block(long index, long totalRows, boolean csv, boolean binary) {
        long first = index * BLOCK_ROWS;
        int n = (int) Math.min(BLOCK_ROWS, totalRows - first);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        short[] cat = new short[n];
        long[] milli = new long[n];
        for (int i = 0; i < n; i++) {
            cat[i] = (short) random.nextInt(categories);
            double sd = 1 + cat[i] / 4.0;
            double v = 15 + 2.5 * cat[i] + sd * random.nextGaussian();
            if (random.nextInt(1000) == 0) {
                v += (random.nextBoolean() ? 1 : -1) * sd * (8 + 4 * random.nextDouble());
            }
            milli[i] = Math.round(v * 1000);
        }
        return new Block(csv ? csv(first, cat, milli) : null, binary ? group(first, cat, milli) : null);
    }

    private byte[] csv(long first, short[] cat, long[] milli) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(cat.length * 40);
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < cat.length; i++) {
            long row = first + i;
            line.setLength(0);
            line.append(row).append(',').append(START_MS + row * 100).append(',');
            int damage = malformedEvery > 0 && (row + 1) % malformedEvery == 0 ? (int) ((row / malformedEvery) % 3) : -1;
            if (damage != 0) {
                line.append("site-").append(cat[i] < 10 ? "0" : "").append(cat[i]).append(',');
            }
            if (damage == 1) {
                line.append("12.3x");
            } else if (damage != 2) {
                appendMilli(line, milli[i]);
            }
            line.append('\n');
            for (int k = 0; k < line.length(); k++) {
                out.write(line.charAt(k));
            }
        }
        return out.toByteArray();
    }

    /** Writes {@code m / 1000} with exactly three decimals. */
    static void appendMilli(StringBuilder s, long m) {
        if (m < 0) {
            s.append('-');
            m = -m;
        }
        long frac = m % 1000;
        s.append(m / 1000).append('.').append(frac < 100 ? "0" : "").append(frac < 10 ? "0" : "").append(frac);
    }

    private static byte[] group(long first, short[] cat, long[] milli) {
        int n = cat.length;
        ByteBuffer b = ByteBuffer.allocate(n * Columnar.ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putLong(first + i);
        }
        for (int i = 0; i < n; i++) {
            b.putLong(START_MS + (first + i) * 100);
        }
        for (int i = 0; i < n; i++) {
            b.putShort(cat[i]);
        }
        for (int i = 0; i < n; i++) {
            b.putDouble(milli[i] / 1000.0);
        }
        return b.array();
    }
}
