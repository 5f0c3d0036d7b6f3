package org.mpjhpc.farm;

/**
 * Everything the master knows at the end of a farm run, for the report and checks.
 *
 * @param journaled results the journal of the run this one continues held (0 when none)
 */
record FarmRun(FarmConfig config, TaskBook book, Scheduler scheduler, ResourceTable resources, EventLog events,
        MasterTimes times, boolean abandoned, boolean interrupted, Journal journal, long journaled) {
}
