package org.mpjhpc.fv;

/**
 * How the grid is cut into blocks: a balanced factorisation of the process count into a
 * px x py grid (our own, since MPJ Express's {@code Dims_create} is reported to overwrite
 * entries), and each block's cell range. Pure logic.
 */
final class Decomposition {
    private Decomposition() {
    }

    /** The fewest cells a block may have along each side: the halo is this deep. */
    static final int MIN_CELLS = 2;

    /**
     * The factorisation px * py = ranks that keeps blocks closest to square for an nx x ny
     * grid (the least halo to exchange), preferring more blocks along the longer side; null
     * when no factorisation leaves every block {@link #MIN_CELLS} cells a side.
     */
    static int[] dims(int ranks, int nx, int ny) {
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        for (int px = 1; px <= ranks; px++) {
            if (ranks % px != 0) {
                continue;
            }
            int py = ranks / px;
            if (nx < MIN_CELLS * px || ny < MIN_CELLS * py) {
                continue;
            }
            double cost = (double) nx / px + (double) ny / py;
            if (cost < bestCost) {
                bestCost = cost;
                best = new int[] {px, py};
            }
        }
        return best;
    }

    /** The first cell of block {@code coord} of {@code parts} along a line of {@code n} cells. */
    static int start(int n, int parts, int coord) {
        int base = n / parts;
        int extra = n % parts;
        return coord * base + Math.min(coord, extra);
    }

    /** The number of cells of that block: sizes differ by at most one. */
    static int size(int n, int parts, int coord) {
        return n / parts + (coord < n % parts ? 1 : 0);
    }
}
