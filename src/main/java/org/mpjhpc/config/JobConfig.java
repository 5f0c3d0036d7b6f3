package org.mpjhpc.config;

import java.io.Serializable;

/**
 * A validated job: what rank 0 reads from the YAML file and broadcasts to every rank.
 *
 * @param kind     the workload, as {@code job:} names it
 * @param name     the job's name, used in logs, reports and the default output folder
 * @param logLevel DEBUG, INFO, WARN or ERROR
 * @param outDir   the folder the job writes its files into
 * @param settings the workload's own settings
 * @param monitor  the live monitor's settings (off unless asked for)
 */
public record JobConfig(String kind, String name, String logLevel, String outDir, Settings settings,
        MonitorConfig monitor) implements Serializable {

    /** Ranks the job needs: one master plus its workers. */
    public int ranks() {
        return 1 + settings.workers();
    }

    /** The settings as the workload's own type (each workload knows its own). */
    public <T extends Settings> T settings(Class<T> type) {
        return type.cast(settings);
    }
}
