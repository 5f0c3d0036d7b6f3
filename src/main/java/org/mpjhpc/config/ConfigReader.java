package org.mpjhpc.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mpjhpc.log.Quote;
import org.mpjhpc.output.TempFiles;

/** Turns a job file plus command-line overrides into a validated {@link JobConfig}. */
public final class ConfigReader {
    static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "WARN", "ERROR");

    private ConfigReader() {
    }

    /**
     * Loads, overrides and validates a job.
     *
     * @param file      the YAML job file
     * @param overrides {@code KEY=VALUE} strings from {@code --set}
     * @param logLevel  the {@code --log-level} given on the command line, or null
     * @param outDir    the {@code --out} folder, or null for the config's
     * @param np        the number of MPI ranks the job runs on, or 0 when not known yet
     * @param resume    {@code --resume} was given
     * @param workloads the job kinds there are
     */
    public static JobConfig read(Path file, List<String> overrides, String logLevel, String outDir, int np,
            boolean resume, List<Workload> workloads) {
        Node root = YamlLoader.loadFile(file);
        Overrides.apply(root, overrides);
        Section job = new Section(root, "");
        String kind = job.string("job", "farm");
        Workload workload = workloads.stream().filter(w -> w.kind().equals(kind)).findFirst().orElseThrow(
                () -> job.error("job", "unknown job kind " + Quote.of(kind) + " (known: " + String.join(", ",
                        workloads.stream().map(Workload::kind).toList()) + ")"));
        String name = job.string("name", baseName(file));
        if (!NAME.matcher(name).matches()) {
            throw job.error("name", "is also the output folder's name under out/: no '/' or '\\', not starting"
                    + " with '.', at most 100 characters; got " + Quote.of(name));
        }
        // Read what the file says even when the command line overrides it: its keys must be known.
        String fileLevel = level(job.string("log_level", "INFO"), job);
        String level = logLevel == null ? fileLevel : level(logLevel, null);
        Section output = job.optionalSection("output");
        String configured = output.string("dir", "out/" + name);
        String out = outDir != null ? outDir : configured;
        String problem = unwritable(Path.of(out));
        if (problem != null) {
            throw outDir != null ? new UserError("--out " + out + ": " + problem) : output.error("dir", problem);
        }
        output.finish();
        MonitorConfig monitor = MonitorConfig.read(job.optionalSection("monitor"));
        Settings settings = workload.reader().read(job.section(kind), np, out, resume);
        job.finish();
        int workers = settings.workers();
        if (np > 0 && np != workers + 1) {
            Section section = job.section(kind);
            String why = settings.describeWorkers() + " need -np " + (workers + 1) + " (1 master + " + workers
                    + " workers), but the job runs with -np " + np + "; drop -np or change the config";
            throw section.has("workers") ? section.error("workers", why)
                    : new UserError(section.origin() + ": " + section.path() + ": " + why);
        }
        return new JobConfig(kind, name, level, out, settings, monitor);
    }

    /**
     * Why the job could not write its files into {@code dir}, or null. Checked before any
     * rank starts, by making the folder and a file in it for real (then removing what the
     * check made): found only when the report is written, the whole run would be lost. A
     * name too long, a read-only or virtual file system (/proc) fail here.
     */
    static String unwritable(Path dir) {
        Path p = nearestExisting(dir);
        if (p == null) {
            return null;
        }
        String problem = problem(p, p.equals(dir.toAbsolutePath().normalize()) ? "it" : p.toString());
        return problem != null ? problem : tryWriting(dir.toAbsolutePath().normalize(), p);
    }

    private static String tryWriting(Path dir, Path existing) {
        try {
            Files.createDirectories(dir);
            Files.delete(TempFiles.create(dir, ".mpjhpc-check-", ".tmp"));
            return null;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage();
            if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
                why = f.getReason();
            }
            return "cannot write into it (" + why + ")";
        } finally {
            for (Path q = dir; q != null && !q.equals(existing); q = q.getParent()) {
                try {
                    Files.deleteIfExists(q); // only the empty folders the check made
                } catch (IOException e) {
                    break;
                }
            }
        }
    }

    /** Why a job could not write files into the folder {@code dir} (made when missing), or null. */
    public static String unwritableFolder(Path dir) {
        return unwritable(dir);
    }

    /** Why the job could not write the file {@code file} (its folders are made when missing), or null. */
    public static String unwritableFile(Path file) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        Path p = nearestExisting(file.toAbsolutePath().normalize().getParent());
        return p == null ? null : problem(p, p.toString());
    }

    /** Refuses a {@code --report FILE} that cannot be written, before the job runs for nothing. */
    public static void checkReport(String report) {
        String problem = report == null ? null : unwritableFile(Path.of(report));
        if (problem != null) {
            throw new UserError("--report " + report + ": " + problem);
        }
    }

    private static Path nearestExisting(Path path) {
        Path p = path == null ? null : path.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static String problem(Path existing, String where) {
        if (!Files.isDirectory(existing)) {
            return where + " is a file, not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "cannot write into " + where + " (permissions)";
        }
        return null;
    }

    /** The level named, from the config's {@code log_level} ({@code job}), or from --log-level (null). */
    private static String level(String given, Section job) {
        String level = given.toUpperCase(Locale.ROOT);
        if (level.equals("WARNING")) {
            level = "WARN";
        }
        if (!LEVELS.contains(level)) {
            String why = "log level " + Quote.of(given) + " is not one of DEBUG, INFO, WARN, ERROR";
            throw job == null ? new UserError("--log-level: " + why) : job.error("log_level", why);
        }
        return level;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "[^./\\\\\\p{Cntrl}][^/\\\\\\p{Cntrl}]{0,99}");

    private static String baseName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
