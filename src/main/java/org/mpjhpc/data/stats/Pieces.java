package org.mpjhpc.data.stats;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the pieces the workers read, each with line numbers counted from its own start,
 * into line numbers of the whole input: pieces are put in input order and each piece's
 * first line follows the last line of the one before.
 */
final class Pieces {
    /** A malformed row with its line number in the input. */
    record BadLine(long line, String reason) {
    }

    private Pieces() {
    }

    static byte[] encode(List<LocalData.Piece> pieces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(pieces.size());
            for (LocalData.Piece p : pieces) {
                out.writeLong(p.seq());
                out.writeLong(p.lines());
                out.writeInt(p.bad().size());
                for (LocalData.Bad b : p.bad()) {
                    out.writeLong(b.line());
                    byte[] reason = b.reason().getBytes(StandardCharsets.UTF_8); // writeUTF stops at 64 KB
                    out.writeInt(reason.length);
                    out.write(reason);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<LocalData.Piece> decode(byte[] data) {
        List<LocalData.Piece> pieces = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long seq = in.readLong();
                long lines = in.readLong();
                List<LocalData.Bad> bad = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    long line = in.readLong();
                    byte[] reason = in.readNBytes(in.readInt());
                    bad.add(new LocalData.Bad(line, new String(reason, StandardCharsets.UTF_8)));
                }
                pieces.add(new LocalData.Piece(seq, lines, bad));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pieces;
    }

    /** The first {@code limit} malformed rows of the input, numbered in it. */
    static List<BadLine> firstBad(List<LocalData.Piece> pieces, int limit) {
        List<LocalData.Piece> ordered = new ArrayList<>(pieces);
        ordered.sort(Comparator.comparingLong(LocalData.Piece::seq));
        List<BadLine> out = new ArrayList<>();
        long before = 0;
        for (LocalData.Piece p : ordered) {
            for (LocalData.Bad b : p.bad()) {
                if (out.size() < limit) {
                    out.add(new BadLine(before + b.line(), b.reason()));
                }
            }
            before += p.lines();
        }
        return out;
    }
}
