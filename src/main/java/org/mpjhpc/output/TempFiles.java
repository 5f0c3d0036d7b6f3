package org.mpjhpc.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New private temporary files named by the clock and a counter, created only if the name is
 * free. {@code Files.createTempFile} draws its names from a SecureRandom, whose first use
 * costs a fresh JVM 20-25 ms (the process id another 6 ms); every job writes its report
 * through one of these at the end.
 */
public final class TempFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private TempFiles() {
    }

    /** Creates an empty file {@code prefix T-N suffix} in {@code dir}, readable by its owner only. */
    public static Path create(Path dir, String prefix, String suffix) throws IOException {
        while (true) {
            String unique = Long.toHexString(System.nanoTime()) + "-" + COUNTER.incrementAndGet();
            Path file = dir.resolve(prefix + unique + suffix);
            try {
                return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another process's file of the same instant: the next name
            }
        }
    }
}
