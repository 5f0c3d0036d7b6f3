package org.mpjhpc.data.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mpjhpc.config.Section;
import org.mpjhpc.data.Inputs;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.format.CsvHeader;
import org.mpjhpc.data.format.CsvLayout;
import org.mpjhpc.log.Quote;

/**
 * Reads and checks a {@code stats:} section; the input file's header is read here, so a
 * missing file or column is one message before any rank starts.
 */
public final class StatsConfigReader {
    private StatsConfigReader() {
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static StatsConfig read(Section s, int np) {
        String input = s.string("input");
        String format = s.oneOf("format", input.endsWith(".col") ? "binary" : "csv", "csv", "binary");
        boolean binary = format.equals("binary");
        boolean stream = stream(s, input, binary);
        String delimiter = delimiter(s);
        String value = s.string("value_column", "value");
        String category = s.has("category_column") ? s.string("category_column") : null;
        if (binary) {
            checkColumnar(s, value, category);
        }
        boolean fail = s.oneOf("malformed", "skip", "skip", "fail").equals("fail");
        Transform transform = transform(s.optionalSection("transform"));
        RowFilter filter = filter(s.optionalSection("filter"));
        if (!filter.categories().isEmpty() && category == null && !binary) {
            throw s.error("filter", "filter.categories needs a category_column to filter on");
        }
        int bins = s.intIn("bins", 20, 1, 1_000_000);
        double z = s.doubleValue("outlier_z", 3.0);
        if (!(z > 0)) {
            throw s.error("outlier_z", "must be positive, got " + z);
        }
        List<Double> quantiles = quantiles(s);
        double quantileError = quantileError(s);
        int chunkKb = s.intIn("chunk_kb", 4096, 1, 1 << 20);
        int workers = Inputs.workers(s, np);
        s.finish();
        CsvLayout layout = binary || input.equals("-") ? null : layoutOf(input, delimiter.charAt(0), value, category);
        if (binary) {
            Columnar.checkFile(Path.of(input));
        }
        List<String> columns = new ArrayList<>();
        columns.add(value);
        columns.add(category);
        return new StatsConfig(input, binary, stream, delimiter.charAt(0), layout, columns, fail, transform, filter,
                bins, z, quantiles, quantileError, chunkKb, workers);
    }

    /** True when rank 0 streams the input: standard input must be, a binary file cannot be. */
    private static boolean stream(Section s, String input, boolean binary) {
        String partition = s.oneOf("partition", input.equals("-") ? "stream" : "parallel", "parallel", "stream");
        if (input.equals("-") && partition.equals("parallel")) {
            throw s.error("partition", "standard input can only be streamed from rank 0: use partition: stream");
        }
        if (binary && partition.equals("stream")) {
            throw s.error("partition", "binary files are read in parallel by the workers; streaming is for CSV"
                    + " (use partition: parallel)");
        }
        if (input.equals("-") && binary) {
            throw s.error("format", "standard input is read as CSV; give the binary file by name");
        }
        return partition.equals("stream");
    }

    private static String delimiter(Section s) {
        String delimiter = s.string("delimiter", ",");
        if (delimiter.length() != 1 || delimiter.charAt(0) > 127 || delimiter.equals("\"")) {
            throw s.error("delimiter", "must be one ASCII character other than a double quote, got "
                    + Quote.of(delimiter));
        }
        return delimiter;
    }

    /** A columnar file has its columns fixed: a name that is not one of them would be ignored. */
    private static void checkColumnar(Section s, String value, String category) {
        for (String[] key : new String[][] {{"value_column", value, "value"}, {"category_column", category,
                "category"}}) {
            if (key[1] != null && !key[1].equals(key[2])) {
                throw s.error(key[0], "a columnar file's " + key[2] + " column is '" + key[2] + "'; got "
                        + Quote.of(key[1]) + " (the other columns, id and timestamp, hold no values to study)");
            }
        }
        if (s.has("delimiter")) {
            throw s.error("delimiter", "applies to CSV; a columnar file has no delimiter");
        }
    }

    private static double quantileError(Section s) {
        double error = s.doubleValue("quantile_error", 0);
        if (!(error >= 0 && error < 0.5)) {
            throw s.error("quantile_error", "is the rank error allowed as a fraction of the count, from 0 (exact)"
                    + " to below 0.5, got " + error);
        }
        return error;
    }

    private static CsvLayout layoutOf(String input, char delimiter, String value, String category) {
        Path file = Path.of(input);
        Inputs.checkReadable(file);
        return CsvHeader.layout(CsvHeader.firstLine(file), delimiter, value, category, input);
    }

    private static Transform transform(Section t) {
        String unit = t.oneOf("unit", "none", "none", "c_to_f", "f_to_c", "c_to_k", "k_to_c");
        double scale = t.doubleValue("scale", 1);
        double offset = t.doubleValue("offset", 0);
        boolean log = t.bool("log", false);
        t.finish();
        return new Transform(unit, scale, offset, log);
    }

    private static RowFilter filter(Section f) {
        double min = f.doubleValue("min", Double.NEGATIVE_INFINITY);
        double max = f.doubleValue("max", Double.POSITIVE_INFINITY);
        if (min > max) {
            throw f.error("max", "is below min (" + min + " > " + max + ")");
        }
        Set<String> categories = new LinkedHashSet<>();
        if (f.has("categories")) {
            for (Section.Item item : f.list("categories")) {
                categories.add(String.valueOf(item.plain()));
            }
        }
        boolean dropNan = f.bool("drop_nan", true);
        f.finish();
        return new RowFilter(min, max, Set.copyOf(categories), dropNan);
    }

    private static List<Double> quantiles(Section s) {
        if (!s.has("quantiles")) {
            return List.of(0.5, 0.9, 0.99);
        }
        List<Double> qs = new ArrayList<>();
        for (Section.Item item : s.list("quantiles")) {
            Object v = item.plain();
            if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                throw item.error("a quantile is a probability between 0 and 1, got " + v);
            }
            qs.add(n.doubleValue());
        }
        return List.copyOf(qs);
    }
}
