package org.mpjhpc.data.mapreduce;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.Progress;
import org.mpjhpc.log.Log;

/**
 * A MapReduce job with the user's mapper, combiner and reducer, in the order of the method:
 * <ol>
 * <li>plan: the master cuts the inputs into chunks of at most {@code chunk_mb} at line starts,
 * their count a multiple of the workers ({@link Chunk#evenSize});</li>
 * <li>map: the master hands chunks to workers as they ask (see {@link MapPhase}); each map
 * task's combined output stays on its worker, one run of bytes per partition;</li>
 * <li>shuffle: the accepted outputs go to each partition's owner ({@code Alltoall} of sizes,
 * then nonblocking sends);</li>
 * <li>reduce: each worker reduces the partitions it owns into sorted {@code part-NNNNN.tsv};</li>
 * <li>gather: the master collects every partition's outcome and writes the report.</li>
 * </ol>
 */
public final class MapReduceJob {
    /** The phases in order, as the timing table and the report name them. */
    enum Phase { PLAN, MAP, SHUFFLE, REDUCE, GATHER }

    private MapReduceJob() {
    }

    /** Runs the job on this rank; returns the exit code every rank agrees on. */
    public static int run(Comm world, JobConfig job, long epochMs, String report) throws IOException {
        MapReduceConfig c = job.settings(MapReduceConfig.class);
        DataComm comm = new DataComm(world);
        if (comm.master()) {
            return master(comm, job, c, report);
        }
        WorkerSide side = new WorkerSide(comm, c);
        if (side.map()) {
            List<PartitionResult> results = side.reduce(side.shuffle());
            comm.gather(summary(side.seconds, side.sent, side.counts, results));
        }
        return 0;
    }

    private static int master(DataComm comm, JobConfig job, MapReduceConfig c, String report) throws IOException {
        long start = System.nanoTime();
        double[] seconds = new double[Phase.values().length];
        removeOldParts(Path.of(c.output()));
        UserMapper mapper = new UserMapper(c.mapper());
        long size = Chunk.evenSize(inputBytes(c.inputs()), c.chunkBytes(), comm.workers());
        List<Chunk> chunks = Chunk.plan(c.inputs(), size, mapper.lineNumbers());
        Log.info("plan: " + chunks.size() + " chunk(s) of about " + size / 1024 + " KiB from "
                + c.inputs().size() + " file(s); " + c.reducers() + " partition(s) on " + comm.workers() + " worker(s)");
        seconds[Phase.PLAN.ordinal()] = since(start);
        long t = System.nanoTime();
        MapPhase map = new MapPhase(comm, c, chunks);
        List<MapPhase.Task> tasks = map.run();
        seconds[Phase.MAP.ordinal()] = since(t);
        List<PartitionResult> partitions = new ArrayList<>();
        long[] sums = new long[4]; // pairs sent; counts made, sent, read
        if (map.fatal() == null) {
            t = System.nanoTime();
            Progress.watch(comm, "shuffle", 0, "B");
            Progress.watch(comm, "reduce", c.reducers(), " partition(s)");
            for (byte[] part : comm.gather(new byte[0])) {
                readSummary(part, seconds, sums, partitions);
            }
            seconds[Phase.GATHER.ordinal()] = Math.max(seconds[Phase.GATHER.ordinal()],
                    since(t) - seconds[Phase.SHUFFLE.ordinal()] - seconds[Phase.REDUCE.ordinal()]);
            Log.info("reduce: " + partitions.stream().filter(PartitionResult::ok).count() + " of " + c.reducers()
                    + " partition(s) written, " + partitions.stream().mapToLong(PartitionResult::keys).sum() + " key(s)");
        }
        return MapReduceReport.write(job, c, new MapReduceReport.Outcome(tasks, map.fatal(),
                new MapReduceReport.Sums(sums[0], mapper.counting(), sums[1], sums[2], sums[3]), partitions), seconds,
                since(start), report);
    }

    private static long inputBytes(List<String> inputs) throws IOException {
        long total = 0;
        for (String f : inputs) {
            total += Files.size(Path.of(f));
        }
        return total;
    }

    /** A worker's phase times, pairs and counts sent in the shuffle and partition outcomes, for the master. */
    private static byte[] summary(double[] seconds, long sent, long[] counts, List<PartitionResult> results)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        for (double s : seconds) {
            d.writeDouble(s);
        }
        d.writeLong(sent);
        for (long c : counts) {
            d.writeLong(c);
        }
        d.writeInt(results.size());
        for (PartitionResult r : results) {
            r.write(d);
        }
        return b.toByteArray();
    }

    /** Adds a worker's summary: phase times as maxima over ranks, its pairs and counts to {@code sums}, partitions to the list. */
    private static void readSummary(byte[] part, double[] seconds, long[] sums, List<PartitionResult> into)
            throws IOException {
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(part));
        for (int i = 0; i < seconds.length; i++) {
            double s = d.readDouble();
            if (i != Phase.MAP.ordinal() && i != Phase.PLAN.ordinal()) {
                seconds[i] = Math.max(seconds[i], s);
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += d.readLong();
        }
        for (int n = d.readInt(); n > 0; n--) {
            into.add(PartitionResult.read(d));
        }
    }

    /** An earlier run's part files would mix with this one's: the folder's {@code part-*.tsv} are replaced. */
    private static void removeOldParts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "part-[0-9]*.tsv")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
