package org.mpjhpc.comm;

/** A communicator with a Cartesian topology. */
public interface Cart extends Comm {
    /** This rank's coordinates. */
    int[] coords();

    /** The neighbours one step along {@code dim}: {source (lower), dest (upper)}, {@link #NONE} where there is none. */
    int[] shift(int dim);
}
