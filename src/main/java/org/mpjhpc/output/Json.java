package org.mpjhpc.output;

import java.nio.file.Path;

/** JSON reports: the write of a report into the output folder and to {@code --report}. */
public final class Json {
    private Json() {
    }

    /** Writes {@code node} to {@code file}, and to {@code report} too when it is given; both atomically. */
    public static void write(JsonObject node, Path file, String report) {
        String text = JsonText.indented(node);
        AtomicWrite.text(file, text);
        if (report != null) {
            AtomicWrite.text(Path.of(report), text);
        }
    }

    /** " (oversubscribed: N ranks on C cores)" when a run has more ranks than cores, else "". */
    public static String oversubscribed(int ranks) {
        int cores = Runtime.getRuntime().availableProcessors();
        return ranks > cores ? " (oversubscribed: " + ranks + " ranks on " + cores + " cores)" : "";
    }
}
