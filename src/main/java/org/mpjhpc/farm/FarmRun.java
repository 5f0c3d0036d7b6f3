package org.mpjhpc.farm;

/** Everything the master knows at the end of a farm run, for the report and checks. */
record FarmRun(FarmConfig config, TaskBook book, Scheduler scheduler, ResourceTable resources, EventLog events,
        MasterTimes times, boolean abandoned) {
}
