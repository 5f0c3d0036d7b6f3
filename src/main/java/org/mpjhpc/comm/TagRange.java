package org.mpjhpc.comm;

/**
 * Which MPI tag numbers belong to which workload: one table, so no two workloads' tags can
 * meet and none is 0 (which other code may use). A workload's tag enum numbers itself with
 * {@link #code}, its constants in declaration order.
 */
public enum TagRange {
    FARM(100), FV(200), DATA(300), COMM(400), KERNELS(500);

    /** Tags per range. */
    public static final int WIDTH = 100;
    private final int base;

    TagRange(int base) {
        this.base = base;
    }

    /** The tag number of {@code tag}, the {@code ordinal}-th tag of this range. */
    public int code(Enum<?> tag) {
        if (tag.ordinal() >= WIDTH) {
            throw new IllegalStateException(tag + " is beyond the " + WIDTH + " tags of range " + this);
        }
        return base + tag.ordinal();
    }

    /** The index in this range of tag number {@code code}, or -1 if it is not in the range. */
    public int index(int code) {
        return code >= base && code < base + WIDTH ? code - base : -1;
    }

    /** The constant of {@code tags} numbered {@code code}; a code from elsewhere is a protocol bug. */
    public <E extends Enum<E>> E of(E[] tags, int code) {
        int index = index(code);
        if (index < 0 || index >= tags.length) {
            throw new IllegalArgumentException("message tag " + code + " is not one of range " + this);
        }
        return tags[index];
    }
}
