package org.mpjhpc.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Log;

/**
 * The journal as a job file sees it: whether a run may start in a folder that holds one,
 * whether {@code --resume} can go on from it, and opening it for the master. Checked when
 * the config is read, so a refusal comes before any rank starts, with exit code 2.
 */
final class FarmJournal {
    static final String FILE = "journal";

    private FarmJournal() {
    }

    static Path file(String outDir) {
        return Path.of(outDir, FILE);
    }

    /**
     * A fresh run may replace a journal whose run ended; an unfinished one is refused (its
     * results would be lost), and {@code --resume} goes on from it if its config matches.
     * {@code --resume} without a journal starts afresh, so a batch script may always pass it.
     */
    static FarmConfig check(FarmConfig config, String outDir, boolean resume, String origin) {
        Path file = file(outDir);
        if (!Files.exists(file)) {
            if (resume) {
                Log.warn("--resume: no journal in " + outDir + " yet; starting from the beginning");
            }
            return config;
        }
        JournalReplay replay = read(file);
        if (!resume) {
            if (replay.ended() || replay.config() == null) {
                return config;
            }
            throw new UserError(file + " holds the journal of an unfinished run (" + replay.results() + " of "
                    + replay.tasks().size() + " queued task(s) recorded): add --resume to go on from it, or remove it"
                    + " (or use another --out) to start afresh");
        }
        if (replay.config() == null) {
            Log.warn("--resume: " + file + " holds no whole record; starting from the beginning");
            return config;
        }
        String difference = difference(replay.config(), config.journalLines());
        if (difference != null) {
            throw new UserError(origin + ": farm: differs from the journaled run in " + file + ", so --resume would"
                    + " not continue it: " + difference);
        }
        return config.resuming();
    }

    /** The first line that differs, named, or null when all agree. */
    static String difference(List<String> journaled, List<String> now) {
        for (int i = 0; i < Math.max(journaled.size(), now.size()); i++) {
            String a = i < journaled.size() ? journaled.get(i) : null;
            String b = i < now.size() ? now.get(i) : null;
            if (a == null || b == null || !a.equals(b)) {
                String key = (a != null ? a : b);
                key = key.substring(0, key.indexOf(':'));
                return key + ": the journal has " + (a == null ? "nothing" : a.substring(key.length() + 2))
                        + ", the config has " + (b == null ? "nothing" : b.substring(key.length() + 2));
            }
        }
        return null;
    }

    static JournalReplay read(Path file) {
        try {
            return JournalReplay.read(file);
        } catch (IOException e) {
            throw new UserError("cannot read the journal " + file + ": " + e.getMessage());
        }
    }

    /**
     * Opens the journal for the master: after the sound records of {@code replay} when it
     * resumes, else afresh with this config's header.
     */
    static Journal open(FarmConfig config, String outDir, JournalReplay replay) throws IOException {
        Durability d = config.durability();
        Path file = file(outDir);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (replay != null && replay.cutBytes() > 0) {
            Log.warn("journal: cut a torn tail of " + replay.cutBytes() + " byte(s) after the last whole record");
        }
        if (d.sync() == Journal.Sync.OFF && replay == null) {
            Files.deleteIfExists(file); // an old journal must not be taken for this run's
        }
        Journal journal = Journal.open(file, replay == null ? 0 : replay.validBytes(), d.sync(), d.flushMs());
        if (replay == null && journal.enabled()) {
            // only for a journal: the lines are records' text, whose first use costs 30-40 ms
            journal.append(JournalCodec.header(config.journalLines()));
        }
        return journal;
    }
}
