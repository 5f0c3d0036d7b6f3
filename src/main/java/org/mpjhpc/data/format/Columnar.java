package org.mpjhpc.data.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.Inputs;

/**
 * The binary columnar record file. After a header come row groups of {@code groupRows}
 * rows (the last may be shorter); inside a group each column is stored whole: ids
 * (long), timestamps (long, epoch ms), category codes (short, into the header's
 * dictionary), values (double), all little-endian. Every group but the last is full, so
 * a reader finds any group by arithmetic, and reads only the columns it needs: the
 * statistics read the category and value columns, 10 of every 26 bytes.
 *
 * <pre>
 * "MPJCOL01" | int groupRows | long rows | int categories | (short length, UTF-8 name)* | zero padding to 8
 * </pre>
 */
public final class Columnar {
    public static final byte[] MAGIC = "MPJCOL01".getBytes(StandardCharsets.US_ASCII);
    public static final int ROW_BYTES = 8 + 8 + 2 + 8;
    /** Rows a group may hold: readers hold one group's columns in memory (the generator writes 65,536). */
    public static final int MAX_GROUP_ROWS = 1 << 22;

    /** A file's header: where the groups start and what the category codes mean. */
    public record Header(int groupRows, long rows, List<String> categories, long dataStart) {
        public long groups() {
            return (rows + groupRows - 1) / groupRows;
        }

        public int rowsIn(long group) {
            return (int) Math.min(groupRows, rows - group * groupRows);
        }

        public long groupStart(long group) {
            return dataStart + group * (long) groupRows * ROW_BYTES;
        }

        public long fileSize() {
            return dataStart + rows * ROW_BYTES;
        }
    }

    private Columnar() {
    }

    public static byte[] header(int groupRows, long rows, List<String> categories) {
        int size = MAGIC.length + 4 + 8 + 4;
        for (String c : categories) {
            size += 2 + c.getBytes(StandardCharsets.UTF_8).length;
        }
        ByteBuffer b = ByteBuffer.allocate((size + 7) / 8 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(groupRows).putLong(rows).putInt(categories.size());
        for (String c : categories) {
            byte[] name = c.getBytes(StandardCharsets.UTF_8);
            b.putShort((short) name.length).put(name);
        }
        return b.array();
    }

    public static Header read(FileChannel file, String where) throws IOException {
        try {
            return parse(file, where);
        } catch (java.nio.BufferUnderflowException e) {
            throw new UserError(where + ": damaged header (it ends early)");
        }
    }

    private static Header parse(FileChannel file, String where) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(file.size(), 1 << 20)).order(ByteOrder.LITTLE_ENDIAN);
        file.read(b, 0);
        b.flip();
        byte[] magic = new byte[MAGIC.length];
        if (b.remaining() < MAGIC.length + 16 || !java.util.Arrays.equals(get(b, magic), MAGIC)) {
            throw new UserError(where + ": not a binary columnar file (it does not start with MPJCOL01)");
        }
        int groupRows = b.getInt();
        long rows = b.getLong();
        int n = b.getInt();
        if (groupRows <= 0 || groupRows > MAX_GROUP_ROWS || rows < 0 || rows > Long.MAX_VALUE / ROW_BYTES / 2
                || n < 0 || n > Short.MAX_VALUE) {
            throw new UserError(where + ": damaged header (group rows " + groupRows + ", rows " + rows
                    + ", categories " + n + ")");
        }
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            short length = b.getShort();
            if (length < 0) {
                throw new UserError(where + ": damaged header (category " + i + " has a name of " + length + " bytes)");
            }
            categories.add(new String(get(b, new byte[length]), StandardCharsets.UTF_8));
        }
        Header h = new Header(groupRows, rows, List.copyOf(categories), (b.position() + 7) / 8 * 8);
        if (file.size() != h.fileSize()) {
            throw new UserError(where + ": " + file.size() + " bytes, but its header promises " + h.fileSize()
                    + " (" + rows + " rows): the file is truncated or damaged");
        }
        return h;
    }

    private static byte[] get(ByteBuffer b, byte[] into) {
        b.get(into);
        return into;
    }

    /** Checks that a file is a complete columnar file; a UserError says what is wrong. */
    public static Header checkFile(Path path) {
        Inputs.checkReadable(path);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(ch, path.toString());
        } catch (IOException e) {
            throw new UserError(path + ": cannot read: " + e.getMessage());
        }
    }
}
