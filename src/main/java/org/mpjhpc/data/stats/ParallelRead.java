package org.mpjhpc.data.stats;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.LineChunks;
import org.mpjhpc.data.LineRanges;
import org.mpjhpc.data.Progress;
import org.mpjhpc.data.format.ColumnScan;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.format.CsvScanner;

/**
 * The first pass when every worker reads its own part of the file. CSV: worker w takes
 * the lines that start in the w-th of equal byte ranges ({@link LineRanges}), reading
 * whole lines a chunk at a time. Binary: worker w takes the w-th share of the row groups,
 * reads only their category and value columns ({@link ColumnScan}).
 */
final class ParallelRead {
    private ParallelRead() {
    }

    /** Reads worker {@code w}'s share into {@code data}; returns the bytes read. */
    static long csv(StatsConfig c, int w, int workers, LocalData data, Progress.Reporter progress)
            throws IOException {
        try (FileChannel file = FileChannel.open(Path.of(c.input()), StandardOpenOption.READ)) {
            long[] range = LineRanges.range(file.size(), workers, w);
            long[] lines = LineChunks.lines(file, range[0], range[1]);
            long begin = lines[0];
            long[] line = {1};
            if (begin == 0) { // the header line is ours: count it, do not read it as data
                lines[0] = LineRanges.firstLineStart(file, 1, lines[1]);
                line[0] = 2;
            }
            CsvScanner scanner = new CsvScanner(c.layout());
            try {
                LineChunks.read(file, lines[0], lines[1], c.chunkKb() * 1024, (buf, n, done) -> {
                    line[0] += scanner.scan(buf, 0, n, line[0], data);
                    progress.tick(done);
                });
            } catch (LineChunks.LineTooLong e) {
                throw new UserError(c.input() + ": the line starting at byte " + e.start + " is longer than "
                        + (LineChunks.MAX_LINE >> 20) + " MiB, the most one row may hold");
            }
            data.endPiece(w, line[0] - 1);
            return lines[1] - begin;
        }
    }

    /** Reads worker {@code w}'s row groups into {@code data}; returns the bytes read. */
    static long binary(StatsConfig c, int w, int workers, LocalData data, Progress.Reporter progress)
            throws IOException {
        try (FileChannel file = FileChannel.open(Path.of(c.input()), StandardOpenOption.READ)) {
            Columnar.Header h = Columnar.read(file, c.input());
            long[] groups = LineRanges.range(h.groups(), workers, w);
            ColumnScan scan = new ColumnScan(Path.of(c.input()), h, groups[0], groups[1]);
            long[] rows = {0};
            scan.groups((codes, v, n) -> {
                data.addGroup(codes, v, n);
                rows[0] += n;
                progress.tick(10 * rows[0]);
            });
            data.endPiece(w, rows[0]);
            data.readFrom(scan);
            return 10 * rows[0]; // the category and value columns: 2 + 8 bytes a row
        }
    }
}
