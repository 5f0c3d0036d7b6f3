package org.mpjhpc.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;

/**
 * The config checks every big-data job shares: input files that must be readable, output
 * files that must be writable and distinct, and the worker count. They run on rank 0
 * before any work starts (and in {@code mpjrun} before any rank starts): a missing file
 * is one message and exit code 2, never a failure mid-run.
 */
public final class Inputs {
    private Inputs() {
    }

    /** The {@code workers} key: by default one per rank after the master (two when the ranks are not known yet). */
    public static int workers(Section s, int np) {
        return s.intIn("workers", np > 1 ? np - 1 : 2, 1, 4096);
    }

    /** A file to write, or null when absent or set to null (so --set generate.csv=null turns it off). */
    public static String optionalPath(Section s, String key) {
        String path = s.has(key) && s.plain(key) != null ? s.string(key) : null;
        String problem = path == null ? null : ConfigReader.unwritableFile(Path.of(path));
        if (problem != null) {
            throw s.error(key, "cannot write " + path + ": " + problem);
        }
        return path;
    }

    /** Two outputs of one job into one file would overwrite each other. */
    public static void sameFile(Section g, String a, String b, String keyA, String keyB) {
        if (a != null && b != null && absolute(a).equals(absolute(b))) {
            throw g.error(keyB, "the same file as " + g.key(keyA) + " (" + a + "); give each output its own file");
        }
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    /** A UserError unless {@code file} is a file this process can read, saying why. */
    public static void checkReadable(Path file) {
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

    /**
     * A file; a folder, meaning the files in it (not its subfolders; names starting with
     * {@code .} or {@code _} skipped, as Hadoop and Spark skip them); or a glob such as
     * {@code texts/*.txt}. Sorted; none found, or one that cannot be read, is an error.
     */
    public static List<String> expand(String pattern, Section.Item item) {
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
