package org.mpjhpc.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import mpi.Request;
import mpi.Status;

/**
 * The first pass when only the master can reach the data (standard input, say). The
 * master reads chunks of whole lines and sends them round-robin with {@code Isend}, with
 * at most two chunks in flight per worker (it waits for the older before reusing its
 * buffer). A worker keeps an {@code Irecv} posted for its next chunk while it works on
 * the current one (double buffering). Each chunk starts with its 8-byte sequence number,
 * so malformed rows are numbered by their line in the whole input; an empty chunk ends.
 */
final class Streaming {
    private static final int SEQ = 8;

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
    static Sent send(DataComm comm, InputStream in, int chunk) throws IOException {
        int workers = comm.workers();
        byte[][][] buffers = new byte[workers][2][chunk + SEQ];
        Request[][] inFlight = new Request[workers][2];
        byte[] carry = new byte[0];
        long seq = 0;
        long bytes = 0;
        String error = null;
        while (error == null) {
            int w = (int) (seq % workers);
            int slot = (int) ((seq / workers) % 2);
            if (inFlight[w][slot] != null) {
                inFlight[w][slot].Wait();
            }
            byte[] buf = buffers[w][slot];
            System.arraycopy(carry, 0, buf, SEQ, carry.length);
            int n = carry.length + in.readNBytes(buf, SEQ + carry.length, chunk - carry.length);
            if (n == 0) {
                break;
            }
            int cut = n == chunk ? LineChunks.lastNewline(buf, SEQ + n) - SEQ : n;
            if (cut <= 0) {
                error = "standard input: a line longer than chunk_kb (" + chunk / 1024 + " KiB) near byte " + bytes
                        + "; raise stats.chunk_kb";
                break;
            }
            carry = java.util.Arrays.copyOfRange(buf, SEQ + cut, SEQ + n);
            ByteBuffer.wrap(buf, 0, SEQ).putLong(seq);
            inFlight[w][slot] = comm.sendChunk(w, buf, SEQ + cut);
            bytes += cut;
            seq++;
        }
        for (int w = 0; w < workers; w++) {
            for (Request r : inFlight[w]) {
                if (r != null) {
                    r.Wait();
                }
            }
            comm.sendChunk(w, new byte[0], 0).Wait();
        }
        return new Sent(bytes, error);
    }

    /** Worker: receives and scans chunks until the empty one; returns the bytes received. */
    static long receive(DataComm comm, CsvLayout layout, int chunk, LocalData data) {
        CsvScanner scanner = new CsvScanner(layout);
        byte[][] buf = {new byte[chunk + SEQ], new byte[chunk + SEQ]};
        Request[] posted = {comm.postChunk(buf[0]), null};
        int cur = 0;
        long bytes = 0;
        while (true) {
            Status status = posted[cur].Wait();
            int n = DataComm.length(status);
            if (n == 0) {
                return bytes;
            }
            posted[1 - cur] = comm.postChunk(buf[1 - cur]); // the next chunk travels while we scan this one
            long seq = ByteBuffer.wrap(buf[cur], 0, SEQ).getLong();
            long lines = scanner.scan(buf[cur], SEQ, n, 1, data);
            data.endPiece(seq, lines);
            bytes += n - SEQ;
            cur = 1 - cur;
        }
    }
}
