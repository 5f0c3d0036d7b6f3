package org.mpjhpc.data;

/** Message tags of the big-data jobs (kept apart from the farm's and the solver's). */
enum DataTag {
    /** worker to master: bytes done so far in this phase */
    PROGRESS,
    /** worker to master: this phase is done here */
    DONE,
    /** master to worker: a streamed chunk (8-byte sequence number, then data); empty means the end */
    CHUNK,
    /** worker to master: a worker's part of something gathered */
    GATHER,
    /** worker to worker: a shuffle bucket of word counts */
    BUCKET,
    /** worker to master: a generated block of rows */
    BLOCK;

    int code() {
        return 300 + ordinal();
    }
}
