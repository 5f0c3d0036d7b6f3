package org.mpjhpc.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file beside the target,
 * which is then renamed over it. A crash never leaves a half-written report.
 */
public final class AtomicWrite {
    private AtomicWrite() {
    }

    /** Writes {@code text} to {@code target}, creating its folder. */
    public static void text(Path target, String text) {
        bytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a picture as PNG, atomically. */
    public static void png(Path target, Raster picture) {
        bytes(target, Png.encode(picture));
    }

    public static void bytes(Path target, byte[] data) {
        stream(target, out -> out.write(data));
    }

    /** Writes what {@code body} writes to a stream, atomically: for output too big to hold in memory. */
    public static void stream(Path target, Body body) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = TempFiles.create(dir, "." + target.getFileName() + ".", ".tmp");
            Runnable cleanup = () -> {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the JVM is stopping: nothing more can be done about it
                }
            };
            Shutdown.onStop(cleanup); // a stop signal mid-write leaves no temporary file
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    body.write(out);
                }
                readableByAll(tmp);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
                Shutdown.forget(cleanup);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Temporary files are private; the result is an ordinary file (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
