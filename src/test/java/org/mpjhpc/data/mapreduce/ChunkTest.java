package org.mpjhpc.data.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks cover every file exactly, start at line starts and number their first lines right. */
class ChunkTest {
    @TempDir
    Path dir;

    @Test
    void chunksTileEachFileAtLineStartsWithTheRightLineNumbers() throws Exception {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int round = 0; round < 40; round++) {
            List<String> files = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int f = 0; f < 1 + rnd.nextInt(3); f++) {
                byte[] text = text(rnd);
                Path p = Files.write(dir.resolve("in-" + round + "-" + f), text);
                files.add(p.toString());
                contents.add(text);
            }
            long size = 1 + rnd.nextInt(300);
            List<Chunk> chunks = Chunk.plan(files, size, true);
            for (int f = 0; f < files.size(); f++) {
                byte[] text = contents.get(f);
                long at = 0;
                long line = 1;
                for (Chunk c : chunks) {
                    if (c.file() != f) {
                        continue;
                    }
                    assertEquals(at, c.from(), "chunks of a file follow each other");
                    assertTrue(c.to() > c.from(), "no empty chunk");
                    assertTrue(c.from() == 0 || text[(int) c.from() - 1] == '\n', "a chunk starts at a line start");
                    assertEquals(line, c.firstLine(), "first line number of chunk " + c.id());
                    for (long i = c.from(); i < c.to(); i++) {
                        line += text[(int) i] == '\n' ? 1 : 0;
                    }
                    at = c.to();
                }
                assertEquals(text.length, at, "the chunks of file " + f + " add up to it");
            }
            for (int i = 0; i < chunks.size(); i++) {
                assertEquals(i, chunks.get(i).id());
            }
        }
    }

    @Test
    void withoutLineNumbersTheFirstLineIsUnknown() throws Exception {
        Path p = Files.writeString(dir.resolve("a"), "x\ny\n");
        assertEquals(-1, Chunk.plan(List.of(p.toString()), 1, false).get(0).firstLine());
        assertEquals(0, Chunk.plan(List.of(Files.writeString(dir.resolve("empty"), "").toString()), 10, true).size());
    }

    @Test
    void evenChunksAreAtMostTheSizeAskedAndComeInMultiplesOfTheWorkers() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 2000; round++) {
            long total = 1 + rnd.nextLong(round % 2 == 0 ? 1L << 40 : 5000);
            long most = 1 + rnd.nextLong(total + 10);
            int workers = 1 + rnd.nextInt(16);
            long size = Chunk.evenSize(total, most, workers);
            long chunks = (total + size - 1) / size;
            assertTrue(size >= 1 && size <= most, round + ": size " + size + " of at most " + most);
            long fewest = (total + most - 1) / most;
            assertTrue(chunks >= fewest && chunks < fewest + 2L * workers, round + ": " + chunks + " chunks");
            double most2 = (double) (fewest + workers) * (fewest + workers);
            if (total >= most2) { // each chunk then at least as many bytes as chunks: the rounding is exact
                assertEquals(0, chunks % workers, round + ": " + chunks + " chunks for " + workers + " workers");
            }
        }
        assertEquals(108827407L / 8 + 1, Chunk.evenSize(108827407L, 16 << 20, 2), "7 chunks of 16 MB become 8");
    }

    @Test
    void newlinesCountedEightBytesAtATimeAreCountedExactly() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] tricky = {'\n', 0, 0x0b, 0x09, (byte) 0x8a, (byte) 0xff, 0x7f, 0x0a};
        for (int round = 0; round < 500; round++) {
            byte[] b = new byte[rnd.nextInt(100)];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextBoolean() ? tricky[rnd.nextInt(tricky.length)] : (byte) rnd.nextInt(256);
            }
            int n = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            int expected = 0;
            for (int i = 0; i < n; i++) {
                expected += b[i] == '\n' ? 1 : 0;
            }
            expected += n > 0 && b[n - 1] != '\n' ? 1 : 0;
            assertEquals(expected, ChunkRecords.count(b, n), "round " + round);
        }
    }

    /** Lines of random length (some longer than a chunk), some empty, with or without a last newline. */
    static byte[] text(SplittableRandom rnd) {
        StringBuilder s = new StringBuilder();
        int lines = rnd.nextInt(60);
        for (int i = 0; i < lines; i++) {
            int len = rnd.nextInt(10) == 0 ? rnd.nextInt(500) : rnd.nextInt(30);
            for (int k = 0; k < len; k++) {
                s.append(rnd.nextInt(8) == 0 ? ' ' : (char) ('a' + rnd.nextInt(5)));
            }
            if (i < lines - 1 || rnd.nextBoolean()) {
                s.append(rnd.nextInt(6) == 0 ? "\r\n" : "\n");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
