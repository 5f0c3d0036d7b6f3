package org.mpjhpc.data.mapreduce;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV row into fields: quoted fields may hold the delimiter, and "" stands for ". */
final class Csv {
    private Csv() {
    }

    static String[] split(String row, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(String[]::new);
    }
}
