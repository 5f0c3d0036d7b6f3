package org.mpjhpc.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keys and values as bytes for the shuffle. {@link #read} must give back a value equal to
 * the one {@link #write} was given.
 */
public interface KeyCodec<T> {
    void write(T value, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;

    /** Passes over one value without making it (a reduce task first only finds where values lie). */
    default void skip(DataInput in) throws IOException {
        read(in);
    }

    /** UTF-8 text of any length. */
    KeyCodec<String> STRING = new KeyCodec<>() {
        @Override
        public void write(String value, DataOutput out) throws IOException {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public String read(DataInput in) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public void skip(DataInput in) throws IOException {
            int n = in.readInt();
            if (in.skipBytes(n) != n) {
                throw new java.io.EOFException("the bytes end inside a string");
            }
        }
    };

    /** Eight bytes. */
    KeyCodec<Long> LONG = new KeyCodec<>() {
        @Override
        public void write(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public Long read(DataInput in) throws IOException {
            return in.readLong();
        }

        @Override
        public void skip(DataInput in) throws IOException {
            in.readLong();
        }
    };

    /** Eight bytes, bit for bit (NaN and -0.0 included). */
    KeyCodec<Double> DOUBLE = new KeyCodec<>() {
        @Override
        public void write(Double value, DataOutput out) throws IOException {
            out.writeLong(Double.doubleToRawLongBits(value));
        }

        @Override
        public Double read(DataInput in) throws IOException {
            return Double.longBitsToDouble(in.readLong());
        }

        @Override
        public void skip(DataInput in) throws IOException {
            in.readLong();
        }
    };
}
