package org.mpjhpc.data.mapreduce;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.Section;
import org.mpjhpc.data.Inputs;
import org.mpjhpc.mapreduce.Combiner;
import org.mpjhpc.mapreduce.CountingMapper;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.Reducer;

/**
 * Reads and checks a {@code mapreduce:} section. The user's classes are loaded here, so a
 * name that is missing from the class path, or a class that does not implement its
 * interface, is one message and exit code 2 before any rank starts.
 */
public final class MapReduceConfigReader {
    private MapReduceConfigReader() {
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static MapReduceConfig read(Section m, int np, String outDir) {
        String mapper = UserClasses.check(m, "mapper", true, Mapper.class, CountingMapper.class);
        String reducer = UserClasses.check(m, "reducer", true, Reducer.class);
        String combiner = UserClasses.check(m, "combiner", false, Combiner.class);
        List<String> inputs = new ArrayList<>();
        for (Section.Item item : m.list("inputs")) {
            inputs.addAll(Inputs.expand(String.valueOf(item.plain()), item));
        }
        if (inputs.isEmpty()) {
            throw m.error("inputs", "no input files");
        }
        boolean csv = m.oneOf("record", "line", "line", "csv").equals("csv");
        String delimiter = m.string("delimiter", ",");
        if (delimiter.length() != 1) {
            throw m.error("delimiter", "one character, not '" + delimiter + "'");
        }
        int workers = Inputs.workers(m, np);
        int reducers = m.intIn("reducers", workers, 1, 1 << 16);
        List<String> keys = m.has("keys") ? keys(m) : null;
        String output = m.string("output", outDir);
        String unwritable = ConfigReader.unwritableFolder(java.nio.file.Path.of(output));
        if (unwritable != null) {
            throw m.error("output", "cannot write into " + output + ": " + unwritable);
        }
        long chunkBytes = Math.round(m.doubleValue("chunk_mb", 64) * (1 << 20));
        if (chunkBytes < 1 || chunkBytes > (1L << 31) - 1) {
            throw m.error("chunk_mb", "between 1 byte and 2047 MB, not " + m.plain("chunk_mb"));
        }
        int maxAttempts = m.intIn("max_attempts", 3, 1, 100);
        boolean skip = m.oneOf("on_task_failure", "fail", "fail", "skip").equals("skip");
        // as Hadoop's mapreduce.task.timeout: a task stuck for good must not hang the job
        long timeoutMs = Math.round(m.doubleValue("task_timeout_s", 600) * 1000);
        if (timeoutMs < 0) {
            throw m.error("task_timeout_s", "0 (no limit) or more, not " + m.plain("task_timeout_s"));
        }
        int top = m.intIn("top", 20, 0, 1_000_000);
        java.util.Map<String, String> params = params(m);
        m.finish();
        return new MapReduceConfig(mapper, combiner, reducer, List.copyOf(inputs), csv, delimiter.charAt(0), reducers,
                keys, output, chunkBytes, maxAttempts, skip, timeoutMs, params, top, workers);
    }

    /** {@code params:}: names to plain values (text, numbers, booleans), kept in their order as text. */
    private static java.util.Map<String, String> params(Section m) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        Section p = m.optionalSection("params");
        if (p != null) {
            for (String name : p.keys()) {
                params.put(name, p.string(name));
            }
            p.finish();
        }
        return java.util.Collections.unmodifiableMap(params);
    }

    private static List<String> keys(Section m) {
        List<String> keys = new ArrayList<>();
        for (Section.Item item : m.list("keys")) {
            keys.add(String.valueOf(item.plain()));
        }
        return List.copyOf(keys);
    }
}
