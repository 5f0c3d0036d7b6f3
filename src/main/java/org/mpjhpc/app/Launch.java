package org.mpjhpc.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.mpjhpc.config.JobConfig;

/**
 * What rank 0 broadcasts before any work starts: either the validated job, or the reason
 * it cannot run. Every rank therefore learns of a bad config at the same moment and exits
 * with the same code; none is left waiting (the PRK {@code bail_out} pattern).
 *
 * @param job     the validated job, or null when {@code error} is set
 * @param epochMs rank 0's clock at the start; task times in the report are relative to it
 * @param error   what is wrong with the input, or null
 */
record Launch(JobConfig job, long epochMs, String error) implements Serializable {

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Launch decode(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                // In multicore mode each rank has its own class loader: resolve in ours.
                return Class.forName(desc.getName(), false, Launch.class.getClassLoader());
            }
        }) {
            return (Launch) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot decode the broadcast job", e);
        }
    }
}
