package org.mpjhpc.data.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.format.CsvHeader;

/**
 * What the master learnt from standard input's header, sent to every rank so all act on it
 * alike: the header line, or the mistake that stops them all.
 */
record HeaderVerdict(String header, String error) {
    private static final byte OK = 0;
    private static final byte FAILED = 1;

    /** Reads and checks the header line (it must name the configured columns). */
    static HeaderVerdict read(InputStream stdin, StatsConfig config) throws IOException {
        try {
            String header = CsvHeader.readLine(stdin, "standard input");
            if (header == null || header.isEmpty()) {
                throw new UserError("standard input: no header line (the input is empty or starts with an empty"
                        + " line); a CSV starts with a header line");
            }
            CsvHeader.layout(header, config.delimiter(), config.columns().get(0), config.columns().get(1),
                    "standard input");
            return new HeaderVerdict(header, null);
        } catch (UserError e) {
            return new HeaderVerdict(null, e.getMessage());
        }
    }

    byte[] encode() {
        byte[] text = (error == null ? header : error).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = error == null ? OK : FAILED;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    static HeaderVerdict decode(byte[] data) {
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        return data[0] == OK ? new HeaderVerdict(text, null) : new HeaderVerdict(null, text);
    }
}
