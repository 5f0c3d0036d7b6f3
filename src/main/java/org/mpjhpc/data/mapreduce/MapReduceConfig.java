package org.mpjhpc.data.mapreduce;

import java.util.List;
import org.mpjhpc.config.Settings;

/**
 * The {@code mapreduce:} section.
 *
 * @param mapper        the {@code Mapper} class
 * @param combiner      the {@code Combiner} class, or null (the reducer's own when it is associative)
 * @param reducer       the {@code Reducer} class
 * @param inputs        the input files, folders and globs expanded, in order
 * @param csv           {@code record: csv}: records are CSV rows split into fields
 * @param delimiter     the CSV field separator
 * @param reducers      partitions: one reduce task and one {@code part-NNNNN.tsv} each
 * @param keys          reduce only these keys (their text), or null for every key
 * @param output        the folder the part files go to
 * @param chunkBytes    the size of a map task's share of the input
 * @param maxAttempts   runs of a task before it counts as failed
 * @param skipFailed    {@code on_task_failure: skip}: go on without a failed task's data
 * @param taskTimeoutMs a task running longer is abandoned and retried (0: never)
 * @param params        the {@code params:} section, handed to the user's classes
 * @param top           how many keys with the largest numeric outputs the report lists
 * @param workers       worker ranks (mappers and reducers)
 */
public record MapReduceConfig(String mapper, String combiner, String reducer, List<String> inputs, boolean csv,
        char delimiter, int reducers, List<String> keys, String output, long chunkBytes, int maxAttempts,
        boolean skipFailed, long taskTimeoutMs, java.util.Map<String, String> params, int top, int workers) implements Settings {
}
