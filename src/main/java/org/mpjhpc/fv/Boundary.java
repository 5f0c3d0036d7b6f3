package org.mpjhpc.fv;

/** Physical boundary conditions, filling the ghost layers on one side of a block. */
enum Boundary {
    /** The domain wraps around; filled by the halo exchange, never here. */
    PERIODIC,
    /** Outflow: zero gradient, ghosts copy the edge cell. */
    TRANSMISSIVE,
    /** A wall: ghosts mirror the cells inside, with the normal momentum negated. */
    REFLECTIVE;

    /** The sides of a block, as the halo exchange and the config name them. */
    enum Side { LEFT, RIGHT, BOTTOM, TOP }

    /** Fills the ghost layers of {@code side} of the conserved field {@code u}. */
    void apply(Field u, Side side) {
        if (this == PERIODIC) {
            throw new IllegalStateException("periodic sides are filled by the halo exchange");
        }
        boolean xSide = side == Side.LEFT || side == Side.RIGHT;
        int normal = xSide ? Field.MX : Field.MY;
        int length = xSide ? u.ny : u.nx;
        for (int layer = 0; layer < u.ng; layer++) {
            for (int along = 0; along < length; along++) {
                int ghost = cell(u, side, along, -1 - layer);
                int inside = this == TRANSMISSIVE ? cell(u, side, along, 0) : cell(u, side, along, layer);
                for (int v = 0; v < Field.VARS; v++) {
                    double value = u.q[v][inside];
                    u.q[v][ghost] = (this == REFLECTIVE && v == normal) ? -value : value;
                }
            }
        }
    }

    /** The cell {@code depth} layers inside (depth < 0: outside) {@code side}, at {@code along}. */
    static int cell(Field u, Side side, int along, int depth) {
        return switch (side) {
            case LEFT -> u.at(depth, along);
            case RIGHT -> u.at(u.nx - 1 - depth, along);
            case BOTTOM -> u.at(along, depth);
            case TOP -> u.at(along, u.ny - 1 - depth);
        };
    }
}
