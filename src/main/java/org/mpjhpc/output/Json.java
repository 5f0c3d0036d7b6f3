package org.mpjhpc.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** JSON reports: one mapper, and the write of a report into the output folder and to {@code --report}. */
public final class Json {
    /** The project's mapper: indented output. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Writes {@code node} to {@code file}, and to {@code report} too when it is given; both atomically. */
    public static void write(ObjectNode node, Path file, String report) {
        try {
            String text = MAPPER.writeValueAsString(node) + "\n";
            AtomicWrite.text(file, text);
            if (report != null) {
                AtomicWrite.text(Path.of(report), text);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** " (oversubscribed: N ranks on C cores)" when a run has more ranks than cores, else "". */
    public static String oversubscribed(int ranks) {
        int cores = Runtime.getRuntime().availableProcessors();
        return ranks > cores ? " (oversubscribed: " + ranks + " ranks on " + cores + " cores)" : "";
    }
}
