package org.mpjhpc.app;

import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.RecordCodec;

/**
 * What rank 0 broadcasts before any work starts: either the validated job, or the reason
 * it cannot run. Every rank therefore learns of a bad config at the same moment and exits
 * with the same code; none is left waiting (the PRK {@code bail_out} pattern).
 *
 * @param job     the validated job, or null when {@code error} is set
 * @param epochMs rank 0's clock at the start; task times in the report are relative to it
 * @param error   what is wrong with the input, or null
 */
record Launch(JobConfig job, long epochMs, String error) {

    byte[] encode() {
        return RecordCodec.encode(this);
    }

    /** @throws IllegalStateException when the bytes are damaged */
    static Launch decode(byte[] data) {
        // In multicore mode each rank has its own class loader: resolve in ours.
        return (Launch) RecordCodec.decode(data, Launch.class.getClassLoader());
    }
}
