package org.mpjhpc.data.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mpjhpc.log.Quote;

/**
 * Reads rows from whole lines of CSV text. A row is malformed when it has the wrong
 * number of fields, an empty value or category, or a value that is not a number; it is
 * reported to the sink, never thrown. Blank lines are skipped. Lines with double quotes
 * take a slower path that honours quoting; a quoted field cannot hold a line break,
 * since workers split files at line breaks.
 */
public final class CsvScanner {
    private final CsvLayout layout;
    private final byte delimiter;

    public CsvScanner(CsvLayout layout) {
        this.layout = layout;
        this.delimiter = layout.delimiter();
    }

    /**
     * Scans the lines of {@code b[from, to)} (the last may lack its newline).
     *
     * @param firstLine the number of the first line, for malformed-row reports
     * @return how many lines there were
     */
    public long scan(byte[] b, int from, int to, long firstLine, RowSink sink) {
        long line = firstLine;
        int start = from;
        while (start < to) {
            int end = start;
            while (end < to && b[end] != '\n') {
                end++;
            }
            int stop = end > start && b[end - 1] == '\r' ? end - 1 : end;
            if (stop > start) {
                row(b, start, stop, line, sink);
            }
            line++;
            start = end + 1;
        }
        return line - firstLine;
    }

    private void row(byte[] b, int from, int to, long line, RowSink sink) {
        int field = 0;
        int fieldStart = from;
        int vFrom = -1, vTo = -1, cFrom = 0, cTo = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == delimiter) {
                if (field == layout.valueField()) {
                    vFrom = fieldStart;
                    vTo = i;
                } else if (field == layout.categoryField()) {
                    cFrom = fieldStart;
                    cTo = i;
                }
                field++;
                fieldStart = i + 1;
            } else if (b[i] == '"') {
                quoted(new String(b, from, to - from, StandardCharsets.UTF_8), line, sink);
                return;
            }
        }
        if (field != layout.fields()) {
            sink.malformed(line, "expected " + layout.fields() + " fields, got " + field);
            return;
        }
        accept(b, vFrom, vTo, cFrom, cTo, line, sink);
    }

    private void accept(byte[] b, int vFrom, int vTo, int cFrom, int cTo, long line, RowSink sink) {
        while (vFrom < vTo && b[vFrom] == ' ') {
            vFrom++;
        }
        while (vTo > vFrom && b[vTo - 1] == ' ') {
            vTo--;
        }
        if (vFrom == vTo) {
            sink.malformed(line, "empty value");
            return;
        }
        while (cFrom < cTo && b[cFrom] == ' ') {
            cFrom++;
        }
        while (cTo > cFrom && b[cTo - 1] == ' ') {
            cTo--;
        }
        if (layout.categoryField() >= 0 && cFrom == cTo) {
            sink.malformed(line, "empty category");
            return;
        }
        double value;
        try {
            value = Decimals.parse(b, vFrom, vTo);
        } catch (NumberFormatException e) {
            sink.malformed(line, "not a number: " + Quote.utf8(b, vFrom, vTo));
            return;
        }
        sink.row(value, b, cFrom, cTo);
    }

    private void quoted(String text, long line, RowSink sink) {
        List<String> fields = CsvHeader.split(text, (char) delimiter);
        if (fields.size() != layout.fields()) {
            sink.malformed(line, "expected " + layout.fields() + " fields, got " + fields.size());
            return;
        }
        byte[] v = fields.get(layout.valueField()).getBytes(StandardCharsets.UTF_8);
        byte[] c = layout.categoryField() < 0 ? new byte[0]
                : fields.get(layout.categoryField()).getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[v.length + c.length];
        System.arraycopy(v, 0, both, 0, v.length);
        System.arraycopy(c, 0, both, v.length, c.length);
        accept(both, 0, v.length, v.length, both.length, line, sink);
    }
}
