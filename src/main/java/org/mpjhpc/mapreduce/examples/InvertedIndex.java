package org.mpjhpc.mapreduce.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpjhpc.mapreduce.Emitter;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.InputRecord;
import org.mpjhpc.mapreduce.Reducer;

/** An inverted index: each word with the sorted, distinct places (file:line) it occurs. */
public final class InvertedIndex implements Mapper<String, String> {
    @Override
    public void map(InputRecord record, Emitter<String, String> out) {
        String place = record.file() + ":" + record.line();
        WordSplit.each(record.text(), w -> out.emit(w, place));
    }

    @Override
    public boolean lineNumbers() {
        return true;
    }

    @Override
    public KeyCodec<String> keyCodec() {
        return KeyCodec.STRING;
    }

    @Override
    public KeyCodec<String> valueCodec() {
        return KeyCodec.STRING;
    }

    /** The places, by file and then line number, each once, comma-separated. */
    public static final class Places implements Reducer<String, String> {
        @Override
        public Object reduce(String word, List<String> places) {
            // Each place as one number: its file's number, then the line; the files are then
            // renumbered in name order, so sorting the numbers sorts by file and line without
            // comparing strings. Places of one file come in runs: the file is looked up once a run.
            Map<String, Integer> numbers = new HashMap<>();
            List<String> names = new ArrayList<>();
            long[] keys = new long[places.size()];
            String file = null;
            long number = 0;
            for (int i = 0; i < keys.length; i++) {
                String p = places.get(i);
                int colon = p.lastIndexOf(':');
                if (file == null || colon != file.length() || !p.startsWith(file)) {
                    file = p.substring(0, colon);
                    number = numbers.computeIfAbsent(file, f -> {
                        names.add(f);
                        return names.size() - 1;
                    });
                }
                keys[i] = number << 40 | Long.parseLong(p, colon + 1, p.length(), 10);
            }
            String[] sorted = names.toArray(String[]::new);
            Arrays.sort(sorted);
            if (sorted.length > 1) {
                long[] rank = new long[sorted.length];
                for (int r = 0; r < sorted.length; r++) {
                    rank[numbers.get(sorted[r])] = r;
                }
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = rank[(int) (keys[i] >>> 40)] << 40 | keys[i] & ((1L << 40) - 1);
                }
            }
            Arrays.sort(keys);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < keys.length; i++) {
                if (i > 0 && keys[i] == keys[i - 1]) {
                    continue;
                }
                s.append(s.length() == 0 ? "" : ",").append(sorted[(int) (keys[i] >>> 40)]).append(':')
                        .append(keys[i] & ((1L << 40) - 1));
            }
            return s.toString();
        }
    }
}
