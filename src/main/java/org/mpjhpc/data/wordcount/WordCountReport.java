package org.mpjhpc.data.wordcount;

import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.log.Log;
import org.mpjhpc.log.Quote;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * The word count's results at the master: counts.tsv (every word, most frequent first),
 * report.json (and {@code --report}), the top K on the console, the verification line
 * and the timing table.
 */
final class WordCountReport {
    /** A word and how often it occurs. */
    record WordCount(String word, long count) {
    }

    private WordCountReport() {
    }

    /** Words the maps saw and bytes they read (summed over workers), and the inputs' size. */
    record Seen(long mapped, long bytesRead, long inputBytes) {
    }

    /**
     * @param seen   what the maps saw, summed over workers, and the inputs' size
     * @param phases seconds per phase, maximum over ranks
     */
    static int write(JobConfig job, WordCountConfig c, List<byte[]> parts, Seen seen, double[] phases, double wall,
            String report) {
        long io = System.nanoTime();
        ByteTable all = new ByteTable();
        long records = 0;
        for (byte[] p : parts) {
            records += Shuffle.merge(p, all);
        }
        List<WordCount> words = new ArrayList<>();
        for (int e = 0; e < all.size(); e++) {
            words.add(new WordCount(all.key(e), all.count(e)));
        }
        words.sort(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word));
        long total = all.total();
        Path out = Path.of(job.outDir());
        StringBuilder tsv = new StringBuilder();
        words.forEach(w -> tsv.append(w.word()).append('\t').append(w.count()).append('\n'));
        AtomicWrite.text(out.resolve("counts.tsv"), tsv.toString());
        double ioSeconds = (System.nanoTime() - io) / 1e9;
        Verdict verdict = new Verdict();
        verdict.check(total == seen.mapped(), "reduced counts sum to " + total + ", the maps saw " + seen.mapped() + " words");
        verdict.check(records == all.size(), all.size() + " distinct words, each held by one reducer");
        verdict.check(seen.bytesRead() == seen.inputBytes(), "bytes read " + seen.bytesRead() + " of " + seen.inputBytes());
        JsonObject j = json(c, words, total, seen.bytesRead(), phases, ioSeconds, wall);
        verdict.writeTo(j);
        Json.write(j, out.resolve("report.json"), report);
        Log.info("counts written to " + out.resolve("counts.tsv"));
        System.out.print(table(c, words, total, seen.bytesRead(), phases, ioSeconds, wall));
        System.out.println(verdict.line());
        return verdict.exitCode();
    }

    private static JsonObject json(WordCountConfig c, List<WordCount> words, long total, long bytes, double[] phases,
            double io, double wall) {
        JsonObject j = new JsonObject();
        JsonArray inputs = j.putArray("inputs");
        c.inputs().forEach(inputs::add);
        j.put("workers", c.workers());
        j.put("bytes", bytes);
        j.put("total_words", total);
        j.put("distinct_words", words.size());
        JsonArray top = j.putArray("top");
        words.stream().limit(c.top()).forEach(w -> top.addObject().put("word", w.word()).put("count", w.count()));
        timing(phases, io, wall, bytes).writeTo(j.putObject("timing"));
        j.put("bytes_per_s", bytes / wall);
        return j;
    }

    private static String table(WordCountConfig c, List<WordCount> words, long total, long bytes, double[] phases,
            double io, double wall) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n== word count of %d file(s), %.1f MB, on %d worker(s)%s ==%n",
                c.inputs().size(), bytes / 1e6, c.workers(), Json.oversubscribed(c.workers() + 1)));
        t.append(String.format(Locale.ROOT, "%d words, %d distinct; top %d:%n", total, words.size(),
                Math.min(c.top(), words.size())));
        words.stream().limit(c.top()).forEach(w -> t.append(String.format(Locale.ROOT, "  %12d  %s%n", w.count(),
                Quote.clip(w.word()))));
        t.append(timing(phases, io, wall, bytes).table());
        t.append(String.format(Locale.ROOT, "%.1f MB/s over the wall clock%n", bytes / wall / 1e6));
        return t.toString();
    }

    /** Seconds per phase (maximum over ranks) and per megabyte read. */
    static Timing timing(double[] phases, double io, double wall, long bytes) {
        Timing t = new Timing("MB", bytes / 1e6);
        for (WordCountJob.Phase p : WordCountJob.Phase.values()) {
            t.phase(p.name().toLowerCase(java.util.Locale.ROOT), phases[p.ordinal()]);
        }
        return t.phase("io", io).wall(wall + io);
    }
}
