package org.mpjhpc.data;

import java.io.Serializable;

/** The validated settings of a big-data job: generate, stats or wordcount. */
public sealed interface DataJob extends Serializable permits GenerateConfig, StatsConfig, WordCountConfig {
    /** Worker ranks the job runs on (the master comes on top). */
    int workers();
}
