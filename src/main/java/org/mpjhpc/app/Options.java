package org.mpjhpc.app;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Quote;

/**
 * The job's command line as {@code mpjrun} passes it to every rank:
 * {@code CONFIG.yaml [--set KEY=VALUE]... [--report FILE] [--out DIR] [--log-level LEVEL] [--resume]
 * [--monitor [PORT]]} ({@code --monitor} is {@code --set monitor.enabled=true} and, with a
 * port, {@code --set monitor.port=PORT})
 * plus the launcher's own {@code --status-file FILE}, {@code --np N} and {@code --validated FILE}
 * (where the pre-start check leaves the job it validated, for rank 0 to take as it is).
 */
record Options(String config, List<String> sets, String report, String out, String logLevel,
        String statusFile, int np, boolean resume, String validated) {

    static final String USAGE = "usage: mpjrun [-np N] [-dev multicore|niodev|hybdev] [-machinesfile F] CONFIG.yaml"
            + " [--report FILE] [--out DIR] [--log-level LEVEL] [--set KEY=VALUE ...] [--resume] [--monitor [PORT]]";

    /** Parses the arguments; a mistake is a {@link UserError} with the usage line. */
    static Options parse(String[] args) {
        String config = null;
        List<String> sets = new ArrayList<>();
        String report = null;
        String out = null;
        String level = null;
        String status = null;
        int np = 0;
        boolean resume = false;
        String validated = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--set" -> sets.add(value(args, ++i, a));
                case "--report" -> report = value(args, ++i, a);
                case "--out" -> out = value(args, ++i, a);
                case "--log-level" -> level = value(args, ++i, a);
                case "--status-file" -> status = value(args, ++i, a);
                case "--np" -> np = number(value(args, ++i, a));
                case "--resume" -> resume = true;
                case "--validated" -> validated = value(args, ++i, a);
                case "--monitor" -> {
                    sets.add("monitor.enabled=true");
                    if (i + 1 < args.length && args[i + 1].matches("[0-9]+")) {
                        sets.add("monitor.port=" + args[++i]);
                    }
                }
                default -> {
                    if (a.startsWith("--set=")) {
                        sets.add(a.substring(6));
                    } else if (a.startsWith("-") || config != null) {
                        throw new UserError("unexpected argument " + Quote.of(a) + "\n" + USAGE);
                    } else {
                        config = a;
                    }
                }
            }
        }
        if (config == null) {
            throw new UserError("no job file given\n" + USAGE);
        }
        return new Options(config, List.copyOf(sets), report, out, level, status, np, resume, validated);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UserError(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserError("-np needs a whole number, got " + Quote.of(text));
        }
    }
}
