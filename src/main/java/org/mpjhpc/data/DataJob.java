package org.mpjhpc.data;

import org.mpjhpc.config.Settings;

/** The validated settings of a big-data job: generate, stats or wordcount. */
public sealed interface DataJob extends Settings permits GenerateConfig, StatsConfig, WordCountConfig {
}
