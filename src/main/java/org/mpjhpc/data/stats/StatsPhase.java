package org.mpjhpc.data.stats;

import java.util.Locale;

/** The statistics job's phases, in order, as the timing table and the report name them. */
enum StatsPhase {
    READ, REDUCE, SECOND_PASS, QUANTILES;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
