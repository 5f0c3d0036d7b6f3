package org.mpjhpc.data.stats;

import org.mpjhpc.config.Settings;
import java.util.List;
import org.mpjhpc.data.format.CsvLayout;

/**
 * The {@code stats:} section.
 *
 * @param input       the data file, or "-" for standard input
 * @param binary      true for the binary columnar format, false for CSV
 * @param stream      true: rank 0 reads and streams chunks; false: workers read their own byte ranges
 * @param delimiter   the CSV field separator
 * @param layout      the CSV columns to use (null for binary, and for stdin until its header is read)
 * @param columns     the names asked for: value column and category column (or null)
 * @param failOnMalformed stop with exit code 2 at the first malformed row instead of skipping
 * @param transform   applied to each value before the filters
 * @param filter      which rows are kept
 * @param bins        histogram bins over the global [min, max]
 * @param outlierZ    a value is an outlier when |x - mean| > outlierZ * stddev
 * @param quantiles   probabilities in [0, 1] whose quantiles are reported
 * @param quantileError the rank error allowed, as a fraction of the count: 0 for exact quantiles;
 *                    e.g. 0.001 lets the search stop once a bin holds at most 0.1 % of the values
 * @param chunkKb     bytes per read or streamed chunk, in KiB
 * @param workers     worker ranks
 */
public record StatsConfig(String input, boolean binary, boolean stream, char delimiter, CsvLayout layout, List<String> columns,
        boolean failOnMalformed, Transform transform, RowFilter filter, int bins, double outlierZ,
        List<Double> quantiles, double quantileError, int chunkKb, int workers) implements Settings {

    /** The same job with the CSV layout resolved from a header read at run time. */
    StatsConfig withLayout(CsvLayout resolved) {
        return new StatsConfig(input, binary, stream, delimiter, resolved, columns, failOnMalformed, transform, filter, bins,
                outlierZ, quantiles, quantileError, chunkKb, workers);
    }

    /** How many ranks a reported order statistic may be off among {@code count} values (0: exact). */
    long rankSlack(long count) {
        return (long) Math.floor(quantileError * count);
    }

    boolean stdin() {
        return input.equals("-");
    }
}
