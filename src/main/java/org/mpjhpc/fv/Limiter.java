package org.mpjhpc.fv;

/** Slope limiters for MUSCL reconstruction: the limited slope from the two one-sided differences. */
enum Limiter {
    /** The most diffusive TVD limiter. */
    MINMOD {
        @Override
        double slope(double left, double right) {
            if (left * right <= 0.0) {
                return 0.0;
            }
            return Math.abs(left) < Math.abs(right) ? left : right;
        }
    },
    /** Van Leer's harmonic limiter: smooth, sharper than minmod. */
    VAN_LEER {
        @Override
        double slope(double left, double right) {
            double prod = left * right;
            return prod <= 0.0 ? 0.0 : 2.0 * prod / (left + right);
        }
    };

    abstract double slope(double left, double right);
}
