package org.mpjhpc.mapreduce.examples;

import java.util.List;
import java.util.TreeSet;
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
        Words.each(record.text(), w -> out.emit(w, place));
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
            TreeSet<String[]> sorted = new TreeSet<>((a, b) -> {
                int byFile = a[0].compareTo(b[0]);
                return byFile != 0 ? byFile : Long.compare(Long.parseLong(a[1]), Long.parseLong(b[1]));
            });
            for (String p : places) {
                int colon = p.lastIndexOf(':');
                sorted.add(new String[] {p.substring(0, colon), p.substring(colon + 1)});
            }
            StringBuilder s = new StringBuilder();
            for (String[] p : sorted) {
                s.append(s.length() == 0 ? "" : ",").append(p[0]).append(':').append(p[1]);
            }
            return s.toString();
        }
    }
}
