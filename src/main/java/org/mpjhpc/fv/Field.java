package org.mpjhpc.fv;

/**
 * One block of the grid: {@code nx} x {@code ny} owned cells surrounded by {@code ng}
 * ghost layers, with {@link #VARS} values per cell stored one array per variable.
 * Cell (i, j) with i in [-ng, nx+ng) and j in [-ng, ny+ng) is at {@link #at(int, int)}.
 */
final class Field {
    /** Conserved variables: density, x-momentum, y-momentum, total energy. */
    static final int RHO = 0;
    static final int MX = 1;
    static final int MY = 2;
    static final int E = 3;
    static final int VARS = 4;

    final int nx;
    final int ny;
    final int ng;
    final int stride;
    final double[][] q;

    Field(int nx, int ny, int ng) {
        this.nx = nx;
        this.ny = ny;
        this.ng = ng;
        this.stride = nx + 2 * ng;
        this.q = new double[VARS][stride * (ny + 2 * ng)];
    }

    int at(int i, int j) {
        return (j + ng) * stride + i + ng;
    }

    /** A field of the same shape. */
    Field like() {
        return new Field(nx, ny, ng);
    }

    void copyFrom(Field other) {
        for (int v = 0; v < VARS; v++) {
            System.arraycopy(other.q[v], 0, q[v], 0, q[v].length);
        }
    }
}
