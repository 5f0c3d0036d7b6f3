package org.mpjhpc.data.stats;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.Progress;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.format.CsvHeader;

/**
 * The statistics job on every rank, in the order of the method:
 * <ol>
 * <li>first pass: each worker reads its part (its own byte range, or chunks streamed by
 * the master), transforms and filters, and keeps running statistics per category and
 * counts by {@link KeyBuckets};</li>
 * <li>Reduce: the partial statistics merge at the master with Chan's formula (the merge a
 * worker also uses inside), and the master Bcasts count, mean, stddev, min and max;</li>
 * <li>second pass: outliers and the histogram, looking only inside the buckets of values
 * the master names, summed by Reduce ({@link GlobalPasses});</li>
 * <li>quantiles: exact, by rounds of Bcast queries and Reduce answers over the values the
 * second pass kept;</li>
 * <li>report, verification line and timing table at the master.</li>
 * </ol>
 */
public final class StatsJob {

    private final DataComm comm;
    private StatsConfig config;
    private final StatsResult result = new StatsResult();
    private final double[] phase = new double[StatsPhase.values().length];
    private LocalData data;
    private GlobalPasses passes;
    private double stddev;

    private StatsJob(DataComm comm, StatsConfig config) {
        this.comm = comm;
        this.config = config;
        result.workers = comm.workers();
    }

    /**
     * Runs the job on this rank; returns the exit code every rank agrees on.
     *
     * @param report an extra path for the JSON report, or null
     */
    public static int run(Comm world, JobConfig job, long epochMs, String report) throws IOException {
        StatsJob run = new StatsJob(new DataComm(world), job.settings(StatsConfig.class));
        long start = System.nanoTime();
        String error = run.firstPass();
        if (error != null) {
            if (run.comm.master()) {
                System.err.println("error: " + error);
            }
            return UserError.EXIT_CODE;
        }
        run.passes = new GlobalPasses(run.comm, run.config, run.data);
        run.timed(StatsPhase.SECOND_PASS, run::secondPass);
        run.timed(StatsPhase.QUANTILES, run::quantiles);
        double[] maxTimes = run.comm.max(run.phase);
        if (!run.comm.master()) {
            return 0;
        }
        run.result.phases = maxTimes;
        run.result.wallSeconds = (System.nanoTime() - start) / 1e9;
        return StatsReport.write(job, run.config, run.result, report);
    }

    private void timed(StatsPhase p, Runnable step) {
        long t = System.nanoTime();
        step.run();
        phase[p.ordinal()] = (System.nanoTime() - t) / 1e9;
    }

    /** Pass 1 and the merge; returns an input error all ranks agreed on, or null. */
    private String firstPass() throws IOException {
        InputStream stdin = null;
        if (config.stdin()) {
            stdin = new BufferedInputStream(standardInput(), 1 << 20);
            String error = agreeOnHeader(stdin);
            if (error != null) {
                return error;
            }
        }
        long t0 = System.nanoTime();
        String readError = comm.master() ? masterReads(stdin) : workerReads();
        phase[StatsPhase.READ.ordinal()] = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        String error = agreeOnInput(readError);
        if (error == null) {
            mergeStatistics();
        }
        phase[StatsPhase.REDUCE.ordinal()] = (System.nanoTime() - t1) / 1e9;
        return error;
    }

    /**
     * The launcher's standard input: MPJ runs the ranks in a child process that does not
     * inherit it, so {@code mpjrun} names it in MPJRUN_STDIN; without it, our own.
     */
    private InputStream standardInput() throws IOException {
        String path = System.getenv("MPJRUN_STDIN");
        if (!comm.master() || path == null || !Files.exists(Path.of(path))) {
            return System.in;
        }
        return new FileInputStream(path);
    }

    /** The master reads the header from standard input; every rank learns the layout or the error. */
    private String agreeOnHeader(InputStream stdin) throws IOException {
        HeaderVerdict verdict = null;
        if (comm.master()) {
            verdict = HeaderVerdict.read(stdin, config);
        }
        verdict = HeaderVerdict.decode(comm.bcast(comm.master() ? verdict.encode() : null));
        if (verdict.error() != null) {
            return verdict.error();
        }
        config = config.withLayout(CsvHeader.layout(verdict.header(), config.delimiter(), config.columns().get(0),
                config.columns().get(1), "standard input"));
        return null;
    }

    private String masterReads(InputStream stdin) throws IOException {
        if (config.stream()) {
            InputStream in = stdin != null ? stdin : new BufferedInputStream(
                    Files.newInputStream(Path.of(config.input())), 1 << 20);
            if (stdin == null) {
                CsvHeader.readLine(in, config.input());
            }
            Streaming.Sent sent = Streaming.send(comm, in, config.chunkKb() * 1024,
                    config.stdin() ? "standard input" : config.input());
            Progress.watch(comm, "read", 0, "B");
            result.sentBytes = sent.bytes();
            return sent.error();
        }
        long total = config.binary() ? Columnar.checkFile(Path.of(config.input())).rows() * 10
                : Files.size(Path.of(config.input()));
        Progress.watch(comm, "read", total, "B");
        return null;
    }

    private String workerReads() throws IOException {
        List<String> known = config.binary()
                ? Columnar.checkFile(Path.of(config.input())).categories() : List.of();
        boolean grouped = config.binary() || config.layout().categoryField() >= 0;
        data = new LocalData(config.transform(), config.filter(), grouped, known);
        Progress.Reporter progress = new Progress.Reporter(comm);
        int w = comm.worker();
        long bytes = 0;
        String error = null;
        if (config.stream()) {
            bytes = Streaming.receive(comm, config.layout(), config.chunkKb() * 1024, data);
        } else if (config.binary()) {
            try {
                bytes = ParallelRead.binary(config, w, comm.workers(), data, progress);
            } catch (UserError e) {
                error = e.getMessage(); // a damaged file: told to the master, which stops every rank alike
            }
        } else {
            try {
                bytes = ParallelRead.csv(config, w, comm.workers(), data, progress);
            } catch (UserError e) {
                error = e.getMessage(); // a line too long to be a row
            }
        }
        result.bytes = bytes;
        progress.done(bytes);
        return error;
    }

    /**
     * Counters, malformed rows and read errors reach the master; it decides whether the
     * input is acceptable.
     *
     * @param readError what this rank could not read (the master: the stream; a worker: its part), or null
     */
    private String agreeOnInput(String readError) {
        long[] mine = data == null ? new long[5]
                : new long[] {data.rowsRead, data.malformed, data.filtered, result.bytes, data.nonfinite};
        long[] sums = comm.sum(mine);
        List<byte[]> pieces = comm.gather(Pieces.encode(data == null ? List.of() : data.pieces));
        List<byte[]> errors = comm.gather((readError == null ? "" : readError).getBytes(StandardCharsets.UTF_8));
        String verdict = "";
        if (comm.master()) {
            result.rowsRead = sums[0];
            result.malformed = sums[1];
            result.filtered = sums[2];
            result.bytes = sums[3];
            result.nonfinite = sums[4];
            result.badLines = Pieces.firstBad(allPieces(pieces), LocalData.SAMPLES);
            verdict = readError != null ? readError // the master's own (the stream it read) comes first
                    : errors.stream().map(e -> new String(e, StandardCharsets.UTF_8)).filter(e -> !e.isEmpty())
                            .findFirst().orElseGet(this::malformedVerdict);
        }
        verdict = new String(comm.bcast(verdict.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return verdict.isEmpty() ? null : verdict;
    }

    private List<LocalData.Piece> allPieces(List<byte[]> parts) {
        List<LocalData.Piece> all = new ArrayList<>();
        if (config.stdin() || config.stream()) {
            all.add(new LocalData.Piece(-1, 1, List.of())); // the header line, read by the master
        }
        parts.forEach(p -> all.addAll(Pieces.decode(p)));
        return all;
    }

    private String malformedVerdict() {
        if (!config.failOnMalformed() || result.badLines.isEmpty()) {
            return "";
        }
        Pieces.BadLine first = result.badLines.get(0);
        String where = config.stdin() ? "standard input" : config.input();
        return where + ": line " + first.line() + ": " + first.reason() + " (" + result.malformed
                + " malformed row(s) in all; stats.malformed: fail stops at the first)";
    }

    /** Category names are agreed and the per-category statistics merge; every rank learns the total's spread. */
    private void mergeStatistics() {
        stddev = CategoryMerge.merge(comm, data, result);
    }

    private boolean hasRange() {
        Moments t = result.total;
        return t.count() > 0 && !Double.isNaN(t.average()) && !Double.isNaN(t.min());
    }

    private void secondPass() {
        if (hasRange()) {
            passes.secondPass(result, stddev);
        }
    }

    private void quantiles() {
        if (hasRange()) {
            passes.quantiles(result);
        }
    }
}
