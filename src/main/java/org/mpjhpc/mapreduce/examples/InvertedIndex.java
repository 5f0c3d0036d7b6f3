package org.mpjhpc.mapreduce.examples;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
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
            // Each place as one number: the file's rank among the key's files, then the line;
            // sorting those numbers sorts by file and line without comparing strings.
            TreeMap<String, Integer> files = new TreeMap<>();
            for (String p : places) {
                files.putIfAbsent(p.substring(0, p.lastIndexOf(':')), 0);
            }
            String[] names = files.keySet().toArray(String[]::new);
            for (int i = 0; i < names.length; i++) {
                files.put(names[i], i);
            }
            long[] keys = new long[places.size()];
            for (int i = 0; i < keys.length; i++) {
                String p = places.get(i);
                int colon = p.lastIndexOf(':');
                long line = Long.parseLong(p, colon + 1, p.length(), 10);
                keys[i] = (long) files.get(p.substring(0, colon)) << 40 | line;
            }
            Arrays.sort(keys);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < keys.length; i++) {
                if (i > 0 && keys[i] == keys[i - 1]) {
                    continue;
                }
                s.append(s.length() == 0 ? "" : ",").append(names[(int) (keys[i] >>> 40)]).append(':')
                        .append(keys[i] & ((1L << 40) - 1));
            }
            return s.toString();
        }
    }
}
