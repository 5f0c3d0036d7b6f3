package org.mpjhpc.data.wordcount;

import org.mpjhpc.config.Settings;
import java.util.List;

/**
 * The {@code wordcount:} section.
 *
 * @param inputs  the text files, globs expanded, in order
 * @param top     how many of the most frequent words the report lists
 * @param chunkKb how much text a worker reads at a time
 * @param workers worker ranks (mappers and reducers)
 */
public record WordCountConfig(List<String> inputs, int top, int chunkKb, int workers) implements Settings {
}
