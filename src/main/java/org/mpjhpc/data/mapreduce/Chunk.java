package org.mpjhpc.data.mapreduce;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.data.LineRanges;

/**
 * A map task's share of the input: the whole lines of one file in [from, to). Every line
 * belongs to exactly one chunk, so the chunks of a file add up to the file.
 *
 * @param id        the task number, from 0
 * @param file      the input's index in the job's list
 * @param from      where the chunk's first line starts
 * @param to        where the next chunk's first line starts (or the file's end)
 * @param firstLine the line number of the chunk's first line, from 1, or -1 when not counted
 */
record Chunk(int id, int file, long from, long to, long firstLine) {
    long bytes() {
        return to - from;
    }

    /**
     * The chunk size the plan uses for {@code total} input bytes: at most {@code most} (the
     * job's {@code chunk_mb}), with as many chunks as that needs rounded up to a multiple of
     * {@code workers}, all about equal. A tail chunk left over (7 chunks of 16 MB for 2
     * workers) would keep one worker mapping while the other waits for the shuffle.
     */
    static long evenSize(long total, long most, int workers) {
        if (total <= 0) {
            return most;
        }
        long chunks = (total + most - 1) / most;
        chunks = (chunks + workers - 1) / workers * workers;
        return Math.max(1, (total + chunks - 1) / chunks);
    }

    /**
     * Cuts every input into chunks of about {@code size} bytes at line starts; with
     * {@code countLines}, reads the inputs once to number each chunk's first line.
     */
    static List<Chunk> plan(List<String> inputs, long size, boolean countLines) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        for (int f = 0; f < inputs.size(); f++) {
            try (FileChannel file = FileChannel.open(Path.of(inputs.get(f)), StandardOpenOption.READ)) {
                long end = file.size();
                long from = 0;
                long line = 1;
                while (from < end) {
                    long to = from + size >= end ? end : LineRanges.firstLineStart(file, from + size, end);
                    chunks.add(new Chunk(chunks.size(), f, from, to, countLines ? line : -1));
                    if (countLines) {
                        line += newlines(file, from, to);
                    }
                    from = to;
                }
            }
        }
        return chunks;
    }

    private static long newlines(FileChannel file, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long n = 0;
        for (long pos = from; pos < to; ) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), to - pos));
            int read = file.read(buf, pos);
            if (read <= 0) {
                break;
            }
            byte[] a = buf.array();
            for (int i = 0; i < read; i++) {
                if (a[i] == '\n') {
                    n++;
                }
            }
            pos += read;
        }
        return n;
    }
}
