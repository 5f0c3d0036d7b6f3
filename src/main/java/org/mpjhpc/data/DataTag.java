package org.mpjhpc.data;

import org.mpjhpc.comm.Tag;
import org.mpjhpc.comm.TagRange;

/** Message tags of the big-data jobs (kept apart from the farm's and the solver's). */
public enum DataTag implements Tag {
    /** kind of a note: bytes done so far in this phase */
    PROGRESS,
    /** kind of a note: this phase is done here (a worker's last note of the phase) */
    DONE,
    /** worker to master: a note, its kind first (PROGRESS or DONE); one tag keeps a worker's notes in order */
    NOTE,
    /** master to worker: a streamed chunk (8-byte sequence number, then data); empty means the end */
    CHUNK,
    /** worker to master: a worker's part of something gathered */
    GATHER,
    /** worker to worker: a shuffle bucket of word counts, or a piece of a MapReduce shuffle */
    BUCKET,
    /** worker to worker: the sizes of the shuffle pieces that follow */
    PIECES,
    /** worker to master: a generated block of rows */
    BLOCK,
    /** worker to master: a MapReduce worker is ready, or how its last map task went */
    REPORT,
    /** master to worker: the next map task, or the end of the map phase */
    ORDER;

    @Override
    public int code() {
        return TagRange.DATA.code(this);
    }
}
