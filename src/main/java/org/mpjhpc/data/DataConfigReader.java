package org.mpjhpc.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Quote;

/**
 * Reads and validates the sections of the big-data jobs. Input files are checked here,
 * on rank 0 before any work starts (and by {@code mpjrun} before any rank starts): a
 * missing file or column is one message and exit code 2, never a failure mid-run.
 */
public final class DataConfigReader {
    private DataConfigReader() {
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static GenerateConfig generate(Section g, int np) {
        long rows = g.longIn("rows", 1_000_000, 1, 100_000_000_000L);
        long seed = g.longValue("seed", 42);
        int categories = g.intIn("categories", 8, 1, 1000);
        String csv = optionalPath(g, "csv");
        String binary = optionalPath(g, "binary");
        String text = optionalPath(g, "text");
        if (csv == null && binary == null && text == null) {
            throw new UserError(g.origin() + ": " + g.path() + ": say where to write: csv: FILE, binary: FILE and/or"
                    + " text: FILE");
        }
        sameFile(g, csv, binary, "csv", "binary");
        sameFile(g, csv, text, "csv", "text");
        sameFile(g, binary, text, "binary", "text");
        long malformed = g.longIn("malformed_every", 0, 0, Long.MAX_VALUE);
        int workers = workers(g, np);
        g.finish();
        return new GenerateConfig(rows, seed, categories, csv, binary, text, malformed, workers);
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static StatsConfig stats(Section s, int np) {
        String input = s.string("input");
        String format = s.oneOf("format", input.endsWith(".col") ? "binary" : "csv", "csv", "binary");
        boolean binary = format.equals("binary");
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
        String delimiter = s.string("delimiter", ",");
        if (delimiter.length() != 1 || delimiter.charAt(0) > 127 || delimiter.equals("\"")) {
            throw s.error("delimiter", "must be one ASCII character other than a double quote, got " + Quote.of(delimiter));
        }
        String value = s.string("value_column", "value");
        String category = s.has("category_column") ? s.string("category_column") : null;
        if (binary) { // a columnar file has its columns fixed: a name that is not one of them would be ignored
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
        double quantileError = s.doubleValue("quantile_error", 0);
        if (!(quantileError >= 0 && quantileError < 0.5)) {
            throw s.error("quantile_error", "is the rank error allowed as a fraction of the count, from 0 (exact)"
                    + " to below 0.5, got " + quantileError);
        }
        int chunkKb = s.intIn("chunk_kb", 4096, 1, 1 << 20);
        int workers = workers(s, np);
        s.finish();
        CsvLayout layout = binary || input.equals("-") ? null : layoutOf(input, delimiter.charAt(0), value, category);
        if (binary) {
            Columnar.checkFile(Path.of(input));
        }
        List<String> columns = new ArrayList<>();
        columns.add(value);
        columns.add(category);
        return new StatsConfig(input, binary, partition.equals("stream"), delimiter.charAt(0), layout, columns, fail, transform, filter,
                bins, z, quantiles, quantileError, chunkKb, workers);
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static WordCountConfig wordCount(Section w, int np) {
        List<String> inputs = new ArrayList<>();
        for (Section.Item item : w.list("inputs")) {
            inputs.addAll(expand(String.valueOf(item.plain()), item));
        }
        if (inputs.isEmpty()) {
            throw w.error("inputs", "no input files");
        }
        int top = w.intIn("top", 20, 1, 1_000_000);
        int chunkKb = w.intIn("chunk_kb", 4096, 1, 1 << 20);
        int workers = workers(w, np);
        w.finish();
        return new WordCountConfig(List.copyOf(inputs), top, chunkKb, workers);
    }

    /** A file to write, or null when absent or set to null (so --set generate.csv=null turns it off). */
    private static String optionalPath(Section s, String key) {
        String path = s.has(key) && s.plain(key) != null ? s.string(key) : null;
        String problem = path == null ? null : ConfigReader.unwritableFile(Path.of(path));
        if (problem != null) {
            throw s.error(key, "cannot write " + path + ": " + problem);
        }
        return path;
    }

    /** Two outputs of one job into one file would overwrite each other. */
    private static void sameFile(Section g, String a, String b, String keyA, String keyB) {
        if (a != null && b != null && absolute(a).equals(absolute(b))) {
            throw g.error(keyB, "the same file as " + g.key(keyA) + " (" + a + "); give each output its own file");
        }
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static CsvLayout layoutOf(String input, char delimiter, String value, String category) {
        Path file = Path.of(input);
        checkReadable(file);
        return CsvHeader.layout(CsvHeader.firstLine(file), delimiter, value, category, input);
    }

    /** A UserError unless {@code file} is a file this process can read, saying why. */
    static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; the statistics read one file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new UserError(file + ": not readable (permission denied)");
        }
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

    private static int workers(Section s, int np) {
        return s.intIn("workers", np > 1 ? np - 1 : 2, 1, 4096);
    }

    /**
     * A file; a folder, meaning the files in it (not its subfolders; names starting with
     * {@code .} or {@code _} skipped, as Hadoop and Spark skip them); or a glob such as
     * {@code texts/*.txt}. Sorted; none found, or one that cannot be read, is an error.
     */
    private static List<String> expand(String pattern, Section.Item item) {
        Path path = Path.of(pattern);
        List<String> found;
        if (pattern.contains("*") || pattern.contains("?")) {
            Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
            found = list(dir, p -> matcher.matches(p.getFileName()), item);
            if (found.isEmpty()) {
                throw item.error(pattern + ": no file matches");
            }
        } else if (Files.isDirectory(path)) {
            found = list(path, p -> !p.getFileName().toString().matches("[._].*"), item);
            if (found.isEmpty()) {
                throw item.error(pattern + ": the folder holds no files to read");
            }
        } else if (Files.isRegularFile(path)) {
            found = List.of(pattern);
        } else {
            throw item.error(pattern + ": no such file or folder");
        }
        for (String f : found) {
            if (!Files.isReadable(Path.of(f))) {
                throw item.error(f + ": not readable (permission denied)");
            }
        }
        return found;
    }

    /** The regular files of {@code dir} that {@code wanted} accepts, sorted. */
    private static List<String> list(Path dir, Predicate<Path> wanted, Section.Item item) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && wanted.test(p)).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw item.error("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
