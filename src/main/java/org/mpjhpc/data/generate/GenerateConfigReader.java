package org.mpjhpc.data.generate;

import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.Inputs;

/**
 * Reads and checks a {@code generate:} section.
 */
public final class GenerateConfigReader {
    private GenerateConfigReader() {
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static GenerateConfig read(Section g, int np) {
        long rows = g.longIn("rows", 1_000_000, 1, 100_000_000_000L);
        long seed = g.longValue("seed", 42);
        int categories = g.intIn("categories", 8, 1, 1000);
        String csv = Inputs.optionalPath(g, "csv");
        String binary = Inputs.optionalPath(g, "binary");
        String text = Inputs.optionalPath(g, "text");
        if (csv == null && binary == null && text == null) {
            throw new UserError(g.origin() + ": " + g.path() + ": say where to write: csv: FILE, binary: FILE and/or"
                    + " text: FILE");
        }
        Inputs.sameFile(g, csv, binary, "csv", "binary");
        Inputs.sameFile(g, csv, text, "csv", "text");
        Inputs.sameFile(g, binary, text, "binary", "text");
        long malformed = g.longIn("malformed_every", 0, 0, Long.MAX_VALUE);
        int workers = Inputs.workers(g, np);
        g.finish();
        return new GenerateConfig(rows, seed, categories, csv, binary, text, malformed, workers);
    }
}
