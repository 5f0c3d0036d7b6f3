package org.mpjhpc.config;

import java.io.Serializable;
import org.mpjhpc.farm.FarmConfig;

/**
 * A validated job: what rank 0 reads from the YAML file and broadcasts to every rank.
 *
 * @param kind     the workload ({@code farm})
 * @param name     the job's name, used in logs, reports and the default output folder
 * @param logLevel DEBUG, INFO, WARN or ERROR
 * @param outDir   the folder the job writes its files into
 * @param farm     the task-farm settings (when {@code kind} is farm)
 */
public record JobConfig(String kind, String name, String logLevel, String outDir, FarmConfig farm)
        implements Serializable {

    /** Ranks the job needs: one master plus its workers. */
    public int ranks() {
        return 1 + farm.workers();
    }
}
