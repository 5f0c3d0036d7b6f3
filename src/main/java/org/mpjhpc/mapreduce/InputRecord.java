package org.mpjhpc.mapreduce;

/**
 * One input record handed to a {@link Mapper}: a line of text, and for {@code record: csv}
 * its fields. (Not called {@code Record}: that would clash with {@code java.lang.Record}
 * under {@code import org.mpjhpc.mapreduce.*}.)
 */
public interface InputRecord {
    /** The line, without its line break. */
    String text();

    /**
     * The line's raw UTF-8 bytes, {@code bytes()[offset(), offset() + length())}, without its
     * line break: for a mapper that works on bytes (see {@link CountingMapper}). Valid only
     * during the {@code map} call.
     */
    byte[] bytes();

    int offset();

    int length();

    /** The number of fields ({@code record: csv}); 1 for {@code record: line}. */
    int fields();

    /** Field {@code i} (from 0) of a CSV row, or the whole line for {@code record: line}. */
    String field(int i);

    /** The input file the record comes from, as the job names it. */
    String file();

    /**
     * The record's line number in its file, from 1. Only when the mapper asks for line numbers
     * ({@link Mapper#lineNumbers()}); otherwise -1.
     */
    long line();
}
