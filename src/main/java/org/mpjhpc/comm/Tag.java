package org.mpjhpc.comm;

/** A message tag: each workload keeps its own enum, numbered from its {@link TagRange}. */
public interface Tag {
    /** The MPI tag number. */
    int code();
}
