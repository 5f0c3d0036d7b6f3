package org.mpjhpc.data.wordcount;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.LineChunks;
import org.mpjhpc.data.LineRanges;
import org.mpjhpc.data.Progress;

/**
 * MapReduce word count on every rank, in the order of the method:
 * <ol>
 * <li>map with combiner: each worker tokenises the lines that start in its share of the
 * input's bytes (all files end to end) into its own table of counts;</li>
 * <li>shuffle: each worker splits its table by key hash into one bucket per reducer; the
 * bucket sizes are exchanged with {@code Alltoall}, then the buckets with
 * {@code Irecv}/{@code Isend};</li>
 * <li>reduce: each worker merges the buckets it received; keys are now disjoint across
 * workers;</li>
 * <li>the master gathers the reduced counts, writes counts.tsv and reports the top K.</li>
 * </ol>
 * The master shows the map and reduce progress as they run.
 */
public final class WordCountJob {
    /** The phases in order, as the timing table and the report name them. */
    enum Phase { MAP, SHUFFLE, REDUCE, GATHER }

    private WordCountJob() {
    }

    /** Runs the job on this rank; returns the exit code every rank agrees on. */
    public static int run(Comm world, JobConfig job, long epochMs, String report) throws IOException {
        WordCountConfig c = job.settings(WordCountConfig.class);
        DataComm comm = new DataComm(world);
        long start = System.nanoTime();
        double[] phase = new double[Phase.values().length];
        long total = 0;
        for (String f : c.inputs()) {
            total += java.nio.file.Files.size(Path.of(f));
        }
        ByteTable reduced = null;
        long[] counts = new long[2]; // words seen by the map, bytes read
        long t = System.nanoTime();
        if (comm.master()) {
            Progress.watch(comm, "map", total, "B");
        } else {
            ByteTable mapped = map(comm, c, total, counts);
            phase[Phase.MAP.ordinal()] = seconds(t);
            t = System.nanoTime();
            byte[][] in = shuffle(comm, mapped);
            phase[Phase.SHUFFLE.ordinal()] = seconds(t);
            t = System.nanoTime();
            reduced = reduce(comm, in);
            phase[Phase.REDUCE.ordinal()] = seconds(t);
        }
        if (comm.master()) {
            Progress.watch(comm, "reduce", 0, " keys");
        }
        long[] sums = comm.sum(counts);
        t = System.nanoTime();
        List<byte[]> parts = comm.gather(reduced == null ? new byte[0] : Shuffle.buckets(reduced, 1)[0]);
        phase[Phase.GATHER.ordinal()] = seconds(t);
        double[] max = comm.max(phase);
        if (!comm.master()) {
            return 0;
        }
        return WordCountReport.write(job, c, parts, new WordCountReport.Seen(sums[0], sums[1], total), max, seconds(start),
                report);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Tokenises this worker's share of the input; {@code counts} gets the words and bytes seen. */
    private static ByteTable map(DataComm comm, WordCountConfig c, long total, long[] counts) throws IOException {
        long[] share = LineRanges.range(total, comm.workers(), comm.worker());
        ByteTable table = new ByteTable();
        Tokenizer tokenizer = new Tokenizer();
        Progress.Reporter progress = new Progress.Reporter(comm);
        long offset = 0;
        for (String f : c.inputs()) {
            try (FileChannel file = FileChannel.open(Path.of(f), StandardOpenOption.READ)) {
                long size = file.size();
                long from = Math.max(share[0] - offset, 0);
                long to = Math.min(share[1] - offset, size);
                if (from < to) {
                    long[] lines = LineChunks.lines(file, from, to);
                    long before = counts[1];
                    LineChunks.read(file, lines[0], lines[1], c.chunkKb() * 1024, (buf, n, done) -> {
                        counts[0] += tokenizer.count(buf, 0, n, table);
                        counts[1] = before + done;
                        progress.tick(counts[1]);
                    });
                }
                offset += size;
            }
        }
        progress.done(counts[1]);
        return table;
    }

    private static byte[][] shuffle(DataComm comm, ByteTable mapped) {
        byte[][] out = Shuffle.buckets(mapped, comm.workers());
        int[] sizes = new int[out.length];
        for (int r = 0; r < out.length; r++) {
            sizes[r] = out[r].length;
        }
        return comm.exchange(out, comm.alltoall(sizes));
    }

    private static ByteTable reduce(DataComm comm, byte[][] in) {
        ByteTable table = new ByteTable();
        Progress.Reporter progress = new Progress.Reporter(comm);
        long records = 0;
        for (byte[] bucket : in) {
            records += Shuffle.merge(bucket, table);
            progress.tick(records);
        }
        progress.done(records);
        return table;
    }
}
