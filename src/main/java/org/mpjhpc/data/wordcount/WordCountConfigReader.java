package org.mpjhpc.data.wordcount;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.Section;
import org.mpjhpc.data.Inputs;

/**
 * Reads and checks a {@code wordcount:} section (inputs: files, folders or globs).
 */
public final class WordCountConfigReader {
    private WordCountConfigReader() {
    }

    /** @param np the MPI ranks of the run, or 0 when not known yet */
    public static WordCountConfig read(Section w, int np) {
        List<String> inputs = new ArrayList<>();
        for (Section.Item item : w.list("inputs")) {
            inputs.addAll(Inputs.expand(String.valueOf(item.plain()), item));
        }
        if (inputs.isEmpty()) {
            throw w.error("inputs", "no input files");
        }
        int top = w.intIn("top", 20, 1, 1_000_000);
        int chunkKb = w.intIn("chunk_kb", 4096, 1, 1 << 20);
        int workers = Inputs.workers(w, np);
        w.finish();
        return new WordCountConfig(List.copyOf(inputs), top, chunkKb, workers);
    }
}
