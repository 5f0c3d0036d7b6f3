package org.mpjhpc.app;

import java.nio.file.Path;
import java.util.List;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.Workload;
import org.mpjhpc.data.generate.GenerateConfigReader;
import org.mpjhpc.data.generate.GenerateJob;
import org.mpjhpc.data.mapreduce.MapReduceConfigReader;
import org.mpjhpc.data.mapreduce.MapReduceJob;
import org.mpjhpc.data.stats.StatsConfigReader;
import org.mpjhpc.data.stats.StatsJob;
import org.mpjhpc.data.wordcount.WordCountConfigReader;
import org.mpjhpc.data.wordcount.WordCountJob;
import org.mpjhpc.diag.SleepBarrier;
import org.mpjhpc.farm.FarmConfigReader;
import org.mpjhpc.farm.FarmJob;
import org.mpjhpc.fv.FvConfigReader;
import org.mpjhpc.fv.FvJob;
import org.mpjhpc.kernels.KernelConfig;
import org.mpjhpc.kernels.KernelJob;

/** The job kinds there are: one line each, the only place that names them all. */
public final class Workloads {
    /** Every workload, by the name {@code job:} gives it. */
    public static final List<Workload> ALL = List.of(
            new Workload("farm", FarmConfigReader::read, FarmJob::run),
            new Workload("fv", FvConfigReader::read, FvJob::run),
            new Workload("generate", (s, np, out, resume) -> GenerateConfigReader.read(s, np), GenerateJob::run),
            new Workload("stats", (s, np, out, resume) -> StatsConfigReader.read(s, np), StatsJob::run),
            new Workload("wordcount", (s, np, out, resume) -> WordCountConfigReader.read(s, np), WordCountJob::run),
            new Workload("mapreduce", (s, np, out, resume) -> MapReduceConfigReader.read(s, np, out), MapReduceJob::run),
            new Workload("kernel", KernelConfig::read, KernelJob::run),
            new Workload("sleep-barrier", SleepBarrier::read, SleepBarrier::run));

    private Workloads() {
    }

    /** Reads and validates a job file against every workload (see {@link ConfigReader#read}). */
    public static JobConfig read(Path file, List<String> overrides, String logLevel, String outDir, int np) {
        return read(file, overrides, logLevel, outDir, np, false);
    }

    /** As {@link #read(Path, List, String, String, int)}, for a run given {@code --resume}. */
    public static JobConfig read(Path file, List<String> overrides, String logLevel, String outDir, int np,
            boolean resume) {
        return ConfigReader.read(file, overrides, logLevel, outDir, np, resume, ALL);
    }

    /** The workload a validated job names. */
    static Workload of(JobConfig job) {
        return ALL.stream().filter(w -> w.kind().equals(job.kind())).findFirst().orElseThrow();
    }
}
