package org.mpjhpc.comm;

/** A received byte message; {@code tag} is the MPI tag number (decode it with the workload's enum). */
public record Message(int source, int tag, byte[] data) {
}
