package org.mpjhpc.config;

import java.io.Serializable;
import org.mpjhpc.data.DataJob;
import org.mpjhpc.farm.FarmConfig;
import org.mpjhpc.fv.FvConfig;

/**
 * A validated job: what rank 0 reads from the YAML file and broadcasts to every rank.
 *
 * @param kind     the workload: farm, fv, generate, stats or wordcount
 * @param name     the job's name, used in logs, reports and the default output folder
 * @param logLevel DEBUG, INFO, WARN or ERROR
 * @param outDir   the folder the job writes its files into
 * @param farm     the task-farm settings (when {@code kind} is farm), else null
 * @param fv       the finite-volume settings (when {@code kind} is fv), else null
 * @param data     the big-data settings (generate, stats, wordcount), else null
 */
public record JobConfig(String kind, String name, String logLevel, String outDir, FarmConfig farm, FvConfig fv,
        DataJob data)
        implements Serializable {

    /** Ranks the job needs: one master plus its workers. */
    public int ranks() {
        return 1 + (farm != null ? farm.workers() : fv != null ? fv.workers() : data.workers());
    }
}
