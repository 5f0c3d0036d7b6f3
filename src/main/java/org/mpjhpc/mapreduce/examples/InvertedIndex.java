package org.mpjhpc.mapreduce.examples;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mpjhpc.mapreduce.Emitter;
import org.mpjhpc.mapreduce.InputRecord;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.Reducer;

/** An inverted index: each word with the sorted, distinct places (file:line) it occurs. */
public final class InvertedIndex implements Mapper<String, InvertedIndex.Place> {
    /** Where a word occurs. */
    public record Place(String file, long line) {
    }

    @Override
    public void map(InputRecord record, Emitter<String, Place> out) {
        Place place = new Place(record.file(), record.line());
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
    public KeyCodec<Place> valueCodec() {
        return new PlaceCodec();
    }

    /**
     * A place as its file's name and its line as a long. The file's text is made once per
     * run of places from one file, on both sides: a place per word occurrence makes millions.
     */
    static final class PlaceCodec implements KeyCodec<Place> {
        private String file;
        private byte[] bytes = new byte[0];
        /** A place's file name as read, before it is known to be new: no array per place. */
        private byte[] scratch = new byte[256];

        @Override
        public void write(Place p, DataOutput out) throws IOException {
            if (!p.file().equals(file)) {
                file = p.file();
                bytes = file.getBytes(StandardCharsets.UTF_8);
            }
            out.writeInt(bytes.length);
            out.write(bytes);
            out.writeLong(p.line());
        }

        @Override
        public Place read(DataInput in) throws IOException {
            int n = in.readInt();
            if (n > scratch.length) {
                scratch = new byte[Math.max(n, 2 * scratch.length)];
            }
            in.readFully(scratch, 0, n);
            if (!Arrays.equals(scratch, 0, n, bytes, 0, bytes.length)) {
                bytes = Arrays.copyOf(scratch, n);
                file = new String(bytes, StandardCharsets.UTF_8);
            }
            return new Place(file, in.readLong());
        }

        @Override
        public void skip(DataInput in) throws IOException {
            int n = in.readInt() + 8;
            if (in.skipBytes(n) != n) {
                throw new java.io.EOFException("the bytes end inside a place");
            }
        }
    }

    /** The places, by file and then line number, each once, comma-separated. */
    public static final class Places implements Reducer<String, Place> {
        @Override
        public Object reduce(String word, List<Place> places) {
            // Each place as one number: its file's rank among the key's files in name order,
            // then the line; sorting the numbers sorts by file and line. The codec hands one
            // String per run of a file's places, so the files are told apart by identity first.
            Map<String, Integer> numbers = new IdentityHashMap<>();
            List<String> names = new ArrayList<>();
            long[] keys = new long[places.size()];
            for (int i = 0; i < keys.length; i++) {
                Place p = places.get(i);
                Integer n = numbers.get(p.file());
                if (n == null) {
                    int same = names.indexOf(p.file());
                    n = same >= 0 ? same : names.size();
                    if (same < 0) {
                        names.add(p.file());
                    }
                    numbers.put(p.file(), n);
                }
                keys[i] = (long) n << 40 | p.line();
            }
            String[] sorted = names.toArray(String[]::new);
            Arrays.sort(sorted);
            long[] rank = new long[sorted.length];
            for (int r = 0; r < sorted.length; r++) {
                rank[names.indexOf(sorted[r])] = r;
            }
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rank[(int) (keys[i] >>> 40)] << 40 | keys[i] & ((1L << 40) - 1);
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
