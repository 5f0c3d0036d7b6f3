package org.mpjhpc.output;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes a {@link Raster} as a PNG file (8-bit RGB), using only java.util.zip: no ImageIO,
 * no Java2D. A row equal to the one above takes the Up filter (all zero bytes, nothing to
 * compute); any other row the Sub filter, which suits charts' long runs of one colour.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SUB = 1;
    private static final int UP = 2;

    private Png() {
    }

    /** The picture as PNG bytes (for a file, or an HTTP answer). */
    public static byte[] encode(Raster r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(r.width() * r.height() / 8 + 1024);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(r.width()).putInt(r.height());
        header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // depth, RGB, deflate, filter, no interlace
        chunk(out, "IHDR", header.array(), header.array().length);
        byte[] idat = deflate(filtered(r));
        chunk(out, "IDAT", idat, idat.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** Each row: the filter byte, then the row's bytes filtered. */
    private static byte[] filtered(Raster r) {
        int w = r.width();
        int rowBytes = 1 + 3 * w;
        byte[] raw = new byte[rowBytes * r.height()];
        int[] px = r.pixels();
        for (int y = 0; y < r.height(); y++) {
            int o = y * rowBytes;
            if (y > 0 && Arrays.equals(px, (y - 1) * w, y * w, px, y * w, (y + 1) * w)) {
                raw[o] = UP; // every byte minus the one above: zero
            } else {
                raw[o] = SUB;
                sub(px, y * w, w, raw, o + 1);
            }
        }
        return raw;
    }

    /** Each byte minus the same colour's byte of the pixel to its left. */
    private static void sub(int[] px, int from, int w, byte[] raw, int o) {
        int left = 0;
        for (int x = 0; x < w; x++) {
            int p = px[from + x];
            raw[o++] = (byte) ((p >> 16) - (left >> 16));
            raw[o++] = (byte) ((p >> 8) - (left >> 8));
            raw[o++] = (byte) (p - left);
            left = p;
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        out.writeBytes(name);
        out.write(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
