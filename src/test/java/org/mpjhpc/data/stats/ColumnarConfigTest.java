package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.app.Workloads;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.UserError;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.generate.Generator;

/** A columnar file's columns are fixed: a setting that cannot apply is refused, never ignored. */
class ColumnarConfigTest {
    @TempDir
    Path dir;

    private String error(String more) throws IOException {
        Path col = dir.resolve("s.col");
        Files.write(col, Columnar.header(Generator.BLOCK_ROWS, 0, Generator.names(2)));
        Path f = dir.resolve("job.yaml");
        Files.writeString(f, "job: stats\nstats:\n  input: " + col + "\n" + more);
        return assertThrows(UserError.class, () -> Workloads.read(f, List.of(), null, null, 0)).getMessage();
    }

    @Test
    void aValueColumnOtherThanValueIsRefused() throws IOException {
        assertEquals(dir.resolve("job.yaml") + ":4: stats.value_column: a columnar file's value column is 'value';"
                + " got 'temp' (the other columns, id and timestamp, hold no values to study)",
                error("  value_column: temp\n"));
        assertEquals(dir.resolve("job.yaml") + ":4: stats.delimiter: applies to CSV; a columnar file has no delimiter",
                error("  delimiter: ';'\n"));
    }
}
