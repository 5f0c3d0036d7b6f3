package org.mpjhpc.fv;

/**
 * A checksum of the final conserved field that does not depend on the decomposition: the
 * bits of every value, in global order (variable, row, column), through 64-bit FNV-1a.
 * Equal checksums mean bitwise-equal fields.
 */
final class Checksum {
    private Checksum() {
    }

    static String of(double[][] field) {
        long h = 0xcbf29ce484222325L;
        for (double[] q : field) {
            for (double value : q) {
                long bits = Double.doubleToRawLongBits(value);
                for (int b = 0; b < 8; b++) {
                    h ^= (bits >>> (8 * b)) & 0xff;
                    h *= 0x100000001b3L;
                }
            }
        }
        return String.format("%016x", h);
    }
}
