package org.mpjhpc.comm;

/** A received point-to-point message. */
public record Message(int source, Tag tag, byte[] data) {
}
