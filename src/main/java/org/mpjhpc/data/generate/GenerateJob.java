package org.mpjhpc.data.generate;

import org.mpjhpc.output.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.Progress;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Shutdown;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * The generator job: workers make blocks of rows (block b on worker b mod W) and send them
 * to the master, which writes them in order to a temporary file next to each target and
 * renames it when complete, so a file is either whole or absent, never half-written.
 * Progress is logged as the blocks arrive.
 */
public final class GenerateJob {
    private GenerateJob() {
    }

    /** Runs the job on this rank; returns the exit code every rank agrees on. */
    public static int run(Comm world, JobConfig job, long epochMs, String report) throws IOException {
        GenerateConfig g = job.settings(GenerateConfig.class);
        DataComm comm = new DataComm(world);
        long blocks = (g.rows() + Generator.BLOCK_ROWS - 1) / Generator.BLOCK_ROWS;
        if (!comm.master()) {
            Generator gen = new Generator(g.seed(), g.categories(), g.malformedEvery());
            TextGenerator text = g.text() == null ? null : new TextGenerator(g.seed(), 20_000);
            for (long b = comm.worker(); b < blocks; b += comm.workers()) {
                if (g.csv() != null || g.binary() != null) {
                    Generator.Block block = gen.block(b, g.rows(), g.csv() != null, g.binary() != null);
                    if (block.csv() != null) {
                        comm.sendBlock(block.csv());
                    }
                    if (block.group() != null) {
                        comm.sendBlock(block.group());
                    }
                }
                if (text != null) {
                    comm.sendBlock(text.block(b, g.rows()));
                }
            }
            return 0;
        }
        return write(comm, job, g, blocks, report);
    }

    private static int write(DataComm comm, JobConfig job, GenerateConfig g, long blocks, String report)
            throws IOException {
        long start = System.nanoTime();
        Path csv = g.csv() == null ? null : Path.of(g.csv());
        Path bin = g.binary() == null ? null : Path.of(g.binary());
        Path txt = g.text() == null ? null : Path.of(g.text());
        try (OutputStream csvOut = open(csv); OutputStream binOut = open(bin); OutputStream txtOut = open(txt)) {
            if (csvOut != null) {
                csvOut.write(Generator.CSV_HEADER.getBytes(StandardCharsets.US_ASCII));
            }
            if (binOut != null) {
                binOut.write(Columnar.header(Generator.BLOCK_ROWS, g.rows(), Generator.names(g.categories())));
            }
            long last = start;
            for (long b = 0; b < blocks; b++) {
                int w = (int) (b % comm.workers());
                if (csvOut != null) {
                    csvOut.write(comm.receiveBlock(w));
                }
                if (binOut != null) {
                    binOut.write(comm.receiveBlock(w));
                }
                if (txtOut != null) {
                    txtOut.write(comm.receiveBlock(w));
                }
                if (System.nanoTime() - last > 1_000_000_000L) {
                    last = System.nanoTime();
                    Log.info(String.format(Locale.ROOT, "generate: %.0f%% (%d of %d rows, %.1f s)",
                            100.0 * (b + 1) / blocks, Math.min(g.rows(), (b + 1) * Generator.BLOCK_ROWS), g.rows(),
                            (last - start) / 1e9));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the generated data in "
                    + (csv != null ? csv : bin != null ? bin : txt).toAbsolutePath().getParent(), e);
        }
        publish(csv);
        publish(bin);
        publish(txt);
        return report(job, g, (System.nanoTime() - start) / 1e9, csv, bin, txt, report);
    }

    private static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Opens {@code target}'s .part file, removed if the JVM stops (SIGTERM) before it is published. */
    private static OutputStream open(Path target) throws IOException {
        if (target == null) {
            return null;
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Shutdown.onStop(cleanup(target));
        return new java.io.BufferedOutputStream(Files.newOutputStream(part(target)), 1 << 20);
    }

    private static final java.util.Map<Path, Runnable> CLEANUPS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Runnable cleanup(Path target) {
        return CLEANUPS.computeIfAbsent(target, t -> () -> {
            try {
                Files.deleteIfExists(part(t));
            } catch (IOException e) {
                // the JVM is stopping: nothing more can be done about it
            }
        });
    }

    private static void publish(Path target) throws IOException {
        if (target != null) {
            Files.move(part(target), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Shutdown.forget(CLEANUPS.remove(target));
        }
    }

    private static int report(JobConfig job, GenerateConfig g, double seconds, Path csv, Path bin, Path txt,
            String report)
            throws IOException {
        JsonObject j = new JsonObject();
        j.put("rows", g.rows());
        j.put("seed", g.seed());
        j.put("categories", g.categories());
        j.put("malformed_every", g.malformedEvery());
        j.put("workers", g.workers());
        j.put("seconds", seconds);
        long verifyStart = System.nanoTime();
        Verdict verdict = new Verdict();
        long bytes = checkFiles(g, csv, bin, txt, j, verdict);
        j.put("bytes_per_s", bytes / seconds);
        Timing timing = new Timing("MB", bytes / 1e6).scope("rank 0, the writer").phase("generate_write", seconds)
                .phase("verify", (System.nanoTime() - verifyStart) / 1e9);
        timing.writeTo(j.putObject("timing"));
        verdict.writeTo(j);
        Json.write(j, Path.of(job.outDir()).resolve("report.json"), report);
        System.out.printf(Locale.ROOT, "%n== generated %d rows (%d worker(s)%s) in %.2f s, %.1f MB/s ==%n", g.rows(),
                g.workers(), Json.oversubscribed(g.workers() + 1), seconds, bytes / seconds / 1e6);
        System.out.print(timing.table());
        System.out.println(verdict.line());
        return verdict.exitCode();
    }

    /** Checks each written file against the rows asked for; returns their total size. */
    private static long checkFiles(GenerateConfig g, Path csv, Path bin, Path txt, JsonObject j, Verdict verdict)
            throws IOException {
        long bytes = 0;
        if (csv != null) {
            long size = Files.size(csv);
            bytes += size;
            j.put("csv", csv.toString()).put("csv_bytes", size);
            long lines = countLines(csv);
            verdict.check(lines == g.rows() + 1, "csv has " + lines + " lines for " + g.rows() + " rows + header");
        }
        if (bin != null) {
            Columnar.Header h = Columnar.checkFile(bin);
            bytes += Files.size(bin);
            j.put("binary", bin.toString()).put("binary_bytes", Files.size(bin));
            verdict.check(h.rows() == g.rows(), "binary holds " + h.rows() + " rows, " + h.fileSize()
                    + " bytes as its header says");
        }
        if (txt != null) {
            long size = Files.size(txt);
            bytes += size;
            j.put("text", txt.toString()).put("text_bytes", size);
            long lines = countLines(txt);
            verdict.check(lines == g.rows(), "text has " + lines + " lines of " + g.rows());
        }
        return bytes;
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    lines += buf[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }
}
