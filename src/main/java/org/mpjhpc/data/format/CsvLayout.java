package org.mpjhpc.data.format;

import java.io.Serializable;

/**
 * Where the wanted columns are in a CSV file, as its header says.
 *
 * @param delimiter     the field separator
 * @param fields        fields per row; a row with another count is malformed
 * @param valueField    index of the numeric column
 * @param categoryField index of the category column, or -1 for none
 */
public record CsvLayout(byte delimiter, int fields, int valueField, int categoryField) implements Serializable {
}
