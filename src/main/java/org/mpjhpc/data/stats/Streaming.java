package org.mpjhpc.data.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.LineChunks;
import org.mpjhpc.data.format.CsvLayout;
import org.mpjhpc.data.format.CsvScanner;

/**
 * The first pass when only the master can reach the data (standard input, say). The
 * master reads chunks of whole lines and sends them round-robin with {@code Isend}, with
 * at most two chunks in flight per worker (it waits for the older before reusing its
 * buffer). A worker keeps an {@code Irecv} posted for its next chunk while it works on
 * the current one (double buffering). Each chunk starts with its 8-byte sequence number,
 * so malformed rows are numbered by their line in the whole input; an empty chunk ends.
 *
 * <p>A line longer than a chunk travels in pieces to one worker, each marked
 * {@link #PARTIAL} but the last, which carries the rest of the line and the whole lines
 * after it; the worker joins them before it scans. A line may hold {@link LineChunks#MAX_LINE} bytes.
 */
final class Streaming {
    private static final int SEQ = 8;
    /** The sequence number's top bit: more of this piece's first line follows. */
    private static final long PARTIAL = Long.MIN_VALUE;

    private Streaming() {
    }

    /** What the master sent: bytes, and why it stopped early (null when it did not). */
    record Sent(long bytes, String error) {
    }

    /**
     * Master: streams {@code in} (after its header line) to the workers. A problem with the
     * input does not throw: the workers still get their end marker, so none is left waiting,
     * and the error is returned for all ranks to agree on.
     */
    static Sent send(DataComm comm, InputStream in, int chunk, String where) throws IOException {
        Sender s = new Sender(comm, chunk);
        byte[] carry = new byte[0];
        long partial = 0; // bytes of the current long line sent so far
        String error = null;
        while (true) {
            byte[] buf = s.next();
            System.arraycopy(carry, 0, buf, SEQ, carry.length);
            int n = carry.length + in.readNBytes(buf, SEQ + carry.length, chunk - carry.length);
            if (n == 0) {
                break;
            }
            int cut = n == chunk ? LineChunks.lastNewline(buf, SEQ + n) - SEQ : n;
            boolean piece = cut <= 0; // no line ends in this full chunk
            if (piece && partial + n > LineChunks.MAX_LINE) {
                error = where + ": the line starting near byte " + (s.bytes - partial) + " is longer than "
                        + (LineChunks.MAX_LINE >> 20) + " MiB, the most one row may hold";
                break;
            }
            cut = piece ? n : cut;
            carry = Arrays.copyOfRange(buf, SEQ + cut, SEQ + n);
            s.send(buf, cut, piece);
            partial = piece ? partial + cut : 0;
        }
        if (partial > 0 && error == null) {
            s.send(s.next(), 0, false); // the input ended inside a long line: close it
        }
        s.finish();
        return new Sent(s.bytes, error);
    }

    /** The master's side: per-worker double buffers, the sequence, the bytes sent. */
    private static final class Sender {
        private final DataComm comm;
        private final byte[][][] buffers;
        private final Comm.Pending[][] inFlight;
        private final int[] sent;
        long seq;
        long bytes;

        Sender(DataComm comm, int chunk) {
            this.comm = comm;
            int workers = comm.workers();
            buffers = new byte[workers][2][chunk + SEQ];
            inFlight = new Comm.Pending[workers][2];
            sent = new int[workers];
        }

        /** The buffer for the next send to the worker whose turn it is, once free. */
        byte[] next() {
            int w = (int) (seq % buffers.length);
            Comm.Pending r = inFlight[w][sent[w] % 2];
            if (r != null) {
                r.await();
            }
            return buffers[w][sent[w] % 2];
        }

        /** Sends {@code buf}'s {@code length} bytes of data; a piece keeps the next send on the same worker. */
        void send(byte[] buf, int length, boolean piece) {
            int w = (int) (seq % buffers.length);
            ByteBuffer.wrap(buf, 0, SEQ).putLong(piece ? seq | PARTIAL : seq);
            inFlight[w][sent[w]++ % 2] = comm.sendChunk(w, buf, SEQ + length);
            bytes += length;
            seq += piece ? 0 : 1;
        }

        /** Waits for every send, then ends each worker's stream. */
        void finish() {
            for (int w = 0; w < buffers.length; w++) {
                for (Comm.Pending r : inFlight[w]) {
                    if (r != null) {
                        r.await();
                    }
                }
                comm.sendChunk(w, new byte[0], 0).await();
            }
        }
    }

    /** Worker: receives and scans chunks until the empty one; returns the bytes received. */
    static long receive(DataComm comm, CsvLayout layout, int chunk, LocalData data) {
        CsvScanner scanner = new CsvScanner(layout);
        byte[][] buf = {new byte[chunk + SEQ], new byte[chunk + SEQ]};
        Comm.Pending[] posted = {comm.postChunk(buf[0]), null};
        byte[] joined = new byte[0]; // the pieces of a long line so far
        int held = 0;
        int cur = 0;
        long bytes = 0;
        while (true) {
            int n = posted[cur].await();
            if (n == 0) {
                return bytes;
            }
            posted[1 - cur] = comm.postChunk(buf[1 - cur]); // the next chunk travels while we scan this one
            long head = ByteBuffer.wrap(buf[cur], 0, SEQ).getLong();
            bytes += n - SEQ;
            if ((head & PARTIAL) != 0 || held > 0) {
                if (held + n - SEQ > joined.length) {
                    joined = Arrays.copyOf(joined, Math.max(2 * joined.length, held + n - SEQ));
                }
                System.arraycopy(buf[cur], SEQ, joined, held, n - SEQ);
                held += n - SEQ;
                if ((head & PARTIAL) == 0) {
                    data.endPiece(head, scanner.scan(joined, 0, held, 1, data));
                    held = 0;
                    joined = new byte[0];
                }
            } else {
                data.endPiece(head, scanner.scan(buf[cur], SEQ, n, 1, data));
            }
            cur = 1 - cur;
        }
    }
}
