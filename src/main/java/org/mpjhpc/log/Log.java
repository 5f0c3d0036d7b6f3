package org.mpjhpc.log;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The job's logger: timestamped lines on standard error, prefixed with the rank and its
 * role, filtered by level. Static because each MPJ rank (a thread with its own class
 * loader in multicore mode, a process otherwise) has its own copy of this class.
 */
public final class Log {
    /** Levels from the most to the least detailed. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static volatile Level threshold = Level.INFO;
    private static volatile String prefix = "[launcher]";
    private static final PrintStream OUT = System.err;

    private Log() {
    }

    /** Sets this rank's identity and level; call once the role is known. */
    public static void configure(int rank, String role, String level) {
        prefix = "[" + rank + " " + role + "]";
        threshold = Level.valueOf(level);
    }

    public static boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    public static void debug(String message) {
        log(Level.DEBUG, message);
    }

    public static void info(String message) {
        log(Level.INFO, message);
    }

    public static void warn(String message) {
        log(Level.WARN, message);
    }

    public static void error(String message) {
        log(Level.ERROR, message);
    }

    private static void log(Level level, String message) {
        if (enabled(level)) {
            String line = LocalDateTime.now().format(TIME) + " " + String.format("%-5s", level) + " " + prefix + " " + message;
            OUT.println(line);
        }
    }
}
