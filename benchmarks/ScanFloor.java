import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.data.LineRanges;
import org.mpjhpc.data.format.ColumnScan;
import org.mpjhpc.data.format.Columnar;

/**
 * What this machine allows a Java scan of a columnar file, for the big-data benchmark: the
 * file's row groups split over {@code threads} threads as the statistics job splits them
 * over its workers, then (1) only reading the category and value columns into arrays,
 * the work every pass must do, and (2) the same with the least arithmetic any of the
 * statistics needs (count, sum, sum of squares, min, max of all values, no categories).
 * Each is timed three times in one JVM: the first time includes compiling the loop, as in
 * a job, which runs each pass once. Prints one JSON object; seconds are the slowest thread's.
 *
 * Exits 1 if a scan's count of values is not the file's row count.
 *
 * <pre>java -cp target/mpj-hpc.jar benchmarks/ScanFloor.java FILE THREADS</pre>
 */
final class ScanFloor {
    /** Where each scan leaves its result, so that the compiler cannot drop the work. */
    private static volatile double consumed;

    private ScanFloor() {
    }

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        Columnar.Header h = Columnar.checkFile(file);
        StringBuilder json = new StringBuilder("{\"rows\": " + h.rows() + ", \"threads\": " + threads);
        for (String kernel : new String[] {"read", "moments"}) {
            for (int round = 1; round <= 3; round++) {
                json.append(String.format(Locale.ROOT, ", \"%s_%d_s\": %.4f", kernel, round,
                        slowest(file, h, threads, kernel.equals("moments"))));
            }
        }
        System.out.println(json.append('}'));
    }

    /** One scan of the whole file by {@code threads} threads; the slowest one's seconds. */
    private static double slowest(Path file, Columnar.Header h, int threads, boolean moments)
            throws InterruptedException {
        double[] seconds = new double[threads];
        long[] counted = new long[threads];
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            long[] groups = LineRanges.range(h.groups(), threads, me);
            ColumnScan scan = new ColumnScan(file, h, groups[0], groups[1]);
            running[t] = new Thread(() -> {
                long start = System.nanoTime();
                double[] sink = {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                long[] values = {0};
                scan.groups((codes, v, n) -> {
                    values[0] += n;
                    if (moments) {
                        globalMoments(v, n, sink);
                    } else {
                        sink[0] += v[n - 1] + codes[n - 1];
                    }
                });
                seconds[me] = (System.nanoTime() - start) / 1e9;
                counted[me] = values[0];
                consumed = sink[0] + sink[4];
            });
            running[t].start();
        }
        double max = 0;
        for (int t = 0; t < threads; t++) {
            running[t].join();
            max = Math.max(max, seconds[t]);
        }
        long all = java.util.Arrays.stream(counted).sum();
        if (all != h.rows()) {
            System.err.println("ScanFloor: scanned " + all + " values of " + h.rows() + " rows");
            System.exit(1);
        }
        return max;
    }

    /** Count, shifted sum and sum of squares, min and max: the least any of the statistics computes. */
    static void globalMoments(double[] v, int n, double[] into) {
        double shift = v[0];
        double s1 = 0;
        double s2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            double y = x - shift;
            s1 += y;
            s2 += y * y;
            if (x < min) { // rarely true after the first values: predicted, cheaper than Math.min
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        into[0] += n;
        into[1] += s1;
        into[2] += s2;
        into[3] = Math.min(into[3], min);
        into[4] = Math.max(into[4], max);
    }
}
