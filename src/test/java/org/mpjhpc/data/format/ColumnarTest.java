package org.mpjhpc.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnarTest {
    @Test
    void columnarHeaderRoundTripsAndATruncatedFileIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.col");
        byte[] header = Columnar.header(4, 6, List.of("a", "ñ"));
        Files.write(f, header);
        Files.write(f, new byte[6 * Columnar.ROW_BYTES], StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(f)) {
            Columnar.Header h = Columnar.read(ch, "x");
            assertEquals(List.of("a", "ñ"), h.categories());
            assertEquals(2, h.groups());
            assertEquals(2, h.rowsIn(1));
            assertEquals(header.length + 4L * Columnar.ROW_BYTES, h.groupStart(1));
        }
        Files.write(f, new byte[3], StandardOpenOption.APPEND);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.mpjhpc.config.UserError.class,
                () -> Columnar.checkFile(f));
        assertEquals(true, e.getMessage().contains("truncated or damaged"), e.getMessage());
    }
}
