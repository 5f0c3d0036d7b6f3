package org.mpjhpc.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.UserError;

/**
 * What {@code mpjrun} runs before it starts MPJ Express: validates the job file and its
 * overrides, and prints {@code np=N}, the ranks the job needs. Bad input ends here with
 * one message and exit code 2, before any rank is started.
 */
public final class Preflight {
    private Preflight() {
    }

    public static void main(String[] args) throws java.io.IOException {
        try {
            Options options = Options.parse(args);
            JobConfig job = Workloads.read(Path.of(options.config()), options.sets(), options.logLevel(),
                    options.out(), options.np(), options.resume());
            ConfigReader.checkReport(options.report());
            if (options.validated() != null) {
                // rank 0 takes the job from here instead of reading and checking it again
                Files.write(Path.of(options.validated()), new Launch(job, 0, null).encode());
            }
            System.out.println("np=" + job.ranks());
            System.out.println("name=" + job.name());
            System.out.println("out=" + job.outDir());
        } catch (UserError e) {
            System.err.println("error: " + e.getMessage());
            System.exit(UserError.EXIT_CODE);
        }
    }
}
