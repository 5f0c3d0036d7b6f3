package org.mpjhpc.data.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.LineChunks;
import org.mpjhpc.log.Quote;

/** Reads a CSV header and finds the columns a job asks for by name. */
public final class CsvHeader {
    private CsvHeader() {
    }

    /** The first line of a CSV file, for {@link #layout}. */
    public static String firstLine(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            String line = readLine(in, file.toString());
            if (line == null) {
                throw new UserError(file + ": the file is empty; a CSV file starts with a header line");
            }
            return line;
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The next line of {@code in} without its line break, or null at the end. Bytes that
     * are not UTF-8 become U+FFFD, as in category names: a header is never refused for
     * its encoding alone, wherever the odd byte sits.
     */
    public static String readLine(InputStream in, String where) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        for (; b >= 0 && b != '\n'; b = in.read()) {
            if (line.size() == LineChunks.MAX_LINE) {
                throw new UserError(where + ": line 1, the header, is longer than " + (LineChunks.MAX_LINE >> 20)
                        + " MiB");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Bytes of the header line, its line break included. */
    public static long headerBytes(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            long n = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                n++;
                if (b == '\n') {
                    break;
                }
            }
            return n;
        }
    }

    /**
     * The layout for {@code header}, or a UserError naming the missing column and the ones there are.
     *
     * @param where    the file, for messages
     * @param category the category column's name, or null
     */
    public static CsvLayout layout(String header, char delimiter, String value, String category, String where) {
        String text = header.startsWith("\uFEFF") ? header.substring(1) : header; // a byte order mark
        List<String> names = split(text, delimiter);
        int v = names.indexOf(value);
        int c = category == null ? -1 : names.indexOf(category);
        if (v < 0 || category != null && c < 0) {
            String missing = v < 0 ? value : category;
            throw new UserError(where + ": line 1: no column " + Quote.of(missing) + " in the header (columns: "
                    + Quote.clip(String.join(", ", names)) + ")");
        }
        return new CsvLayout((byte) delimiter, names.size(), v, c);
    }

    /** The fields of one line; double quotes enclose a field, and "" inside is a quote. */
    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
