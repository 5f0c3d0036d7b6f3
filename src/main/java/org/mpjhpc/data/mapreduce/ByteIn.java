package org.mpjhpc.data.mapreduce;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads a byte array through {@link DataInput}, big-endian as {@link DataInputStream}; not
 * synchronized (see {@link ByteOut}: {@code DataInputStream} over a
 * {@code ByteArrayInputStream} locks for every byte, which was the top of a reduce task's profile).
 */
final class ByteIn implements DataInput {
    private final byte[] buf;
    private int pos;
    private final int end;

    ByteIn(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** Reads {@code buf[from, to)}. */
    ByteIn(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    /** Where the next read starts. */
    int position() {
        return pos;
    }

    private int need(int n) throws EOFException {
        if (end - pos < n) {
            throw new EOFException("the bytes end inside a value");
        }
        int at = pos;
        pos += n;
        return at;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        System.arraycopy(buf, need(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int k = Math.max(0, Math.min(n, end - pos));
        pos += k;
        return k;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return buf[need(1)] != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return buf[need(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return buf[need(1)] & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        int at = need(2);
        return (short) ((buf[at] & 0xff) << 8 | buf[at + 1] & 0xff);
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        int at = need(4);
        return (buf[at] & 0xff) << 24 | (buf[at + 1] & 0xff) << 16 | (buf[at + 2] & 0xff) << 8 | buf[at + 3] & 0xff;
    }

    @Override
    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not supported: a line of bytes has no place in the shuffle's binary pairs. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine: a codec reads what it wrote, not lines");
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}
