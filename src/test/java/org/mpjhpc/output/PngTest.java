package org.mpjhpc.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG encoder checked against an independent decoder (ImageIO, test side only). */
class PngTest {
    @Test
    void everyPixelComesBackThroughAnIndependentDecoder() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int[] size : new int[][] {{1, 1}, {3, 2}, {257, 130}, {720, 420}}) {
            Raster r = new Raster(size[0], size[1], 0xffffff);
            for (int i = 0; i < size[0] * size[1] / 3 + 1; i++) {
                r.set(rnd.nextInt(size[0]), rnd.nextInt(size[1]), rnd.nextInt(1 << 24));
            }
            r.fill(0, 0, size[0] / 2, size[1] / 2, 0x3b528b);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(r)));
            assertNotNull(back, "ImageIO could not read the file");
            assertEquals(size[0], back.getWidth());
            assertEquals(size[1], back.getHeight());
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertEquals(r.get(x, y), back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void everyChunkCarriesTheRightLengthAndChecksum() {
        byte[] png = Png.encode(new Raster(40, 30, 0x123456));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        StringBuilder types = new StringBuilder();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), b.getInt(), "CRC of " + new String(typeAndData, 0, 4));
            types.append(new String(typeAndData, 0, 4)).append(' ');
        }
        assertEquals("IHDR IDAT IEND ", types.toString());
    }

    @Test
    void atomicWriteLeavesOnlyTheFinishedFile(@TempDir Path dir) throws Exception {
        Raster r = new Raster(10, 10, 0);
        r.text(1, 1, "A", 0xffffff, 1);
        AtomicWrite.png(dir.resolve("a.png"), r);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        BufferedImage back = ImageIO.read(dir.resolve("a.png").toFile());
        assertNotEquals(0, back.getRGB(1 + 2, 1) & 0xffffff, "the apex of the A");
    }
}
