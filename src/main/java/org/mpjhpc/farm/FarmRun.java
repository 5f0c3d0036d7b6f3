package org.mpjhpc.farm;

/**
 * Everything the master knows at the end of a farm run, for the report and checks.
 *
 * @param end       how the master's loop ended
 * @param hangDump  the watchdog's file when the job hung, else null
 * @param journaled results the journal of the run this one continues held (0 when none)
 */
record FarmRun(FarmConfig config, TaskBook book, Scheduler scheduler, ResourceTable resources, EventLog events,
        MasterTimes times, End end, String hangDump, Journal journal, long journaled) {
    /** How the master's event loop ended. */
    enum End {
        /** Every task recorded. */
        COMPLETE,
        /** No worker was left to run what remained. */
        ABANDONED,
        /** A stop signal (SIGTERM, SIGINT). */
        INTERRUPTED,
        /** The watchdog saw no progress. */
        HUNG,
        /** A worker rank's process is gone ({@link org.mpjhpc.comm.Lifeline}). */
        LOST,
        /** The output folder could not be written (a full disk): the journal or the finished tasks' file failed. */
        STORAGE
    }

    boolean abandoned() {
        return end == End.ABANDONED;
    }

    boolean interrupted() {
        return end == End.INTERRUPTED;
    }

}
