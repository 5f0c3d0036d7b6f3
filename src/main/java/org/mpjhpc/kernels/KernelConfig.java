package org.mpjhpc.kernels;

import java.util.List;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.Settings;
import org.mpjhpc.log.Quote;

/**
 * The validated {@code kernel:} section: which of the course's examples, on how many ranks
 * (all of them compute: rank 0 is a peer here, and the root of the collectives), how big,
 * from which seed.
 *
 * @param kernel one of {@link #KERNELS}
 * @param ranks  the ranks it runs on (the job's -np)
 * @param n      the size: values per rank, the matrices' order for matmul, the largest message for micro
 * @param seed   the seed of the generated data
 */
public record KernelConfig(String kernel, int ranks, int n, long seed) implements Settings {
    /** The kernels there are. */
    public static final List<String> KERNELS = List.of("sum_of_squares", "scatter_mean", "ring_prefix", "matmul",
            "micro");

    @Override
    public int workers() {
        return ranks - 1;
    }

    @Override
    public String describeWorkers() {
        return ranks + " rank(s)";
    }

    /** Reads {@code kernel:}; {@code ranks} defaults to what -np gives, else 4 (micro: 2). */
    public static KernelConfig read(Section s, int np, String outDir, boolean resume) {
        String kernel = s.string("kernel");
        if (!KERNELS.contains(kernel)) {
            throw s.error("kernel", "unknown kernel " + Quote.of(kernel) + " (known: " + String.join(", ", KERNELS)
                    + ")");
        }
        int ranks = s.intIn("ranks", np > 0 ? np : kernel.equals("micro") ? 2 : 4, 1, 1024);
        int n = switch (kernel) {
            case "matmul" -> s.intIn("n", 96, 1, 4096);
            case "micro" -> s.intIn("n", 1 << 22, 1, 1 << 26); // the largest message, bytes
            default -> s.intIn("n", 1000, 1, 1 << 24);
        };
        long seed = s.longValue("seed", 1);
        s.finish();
        return new KernelConfig(kernel, ranks, n, seed);
    }
}
