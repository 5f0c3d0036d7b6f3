package org.mpjhpc.data.generate;

import org.mpjhpc.config.Settings;

/**
 * The {@code generate:} section: seeded sensor records written as CSV, binary columns, or both.
 *
 * @param rows           records to write
 * @param seed           the same seed gives the same files, whatever the worker count
 * @param categories     distinct sensor sites, named site-00, site-01, ...
 * @param csv            the CSV file to write, or null
 * @param binary         the binary columnar file to write, or null
 * @param text           a text file of {@code rows} lines of Zipf-distributed words (for the word count), or null
 * @param malformedEvery every n-th CSV row is damaged on purpose (0: none); binary skips them
 * @param workers        worker ranks generating blocks of rows
 */
public record GenerateConfig(long rows, long seed, int categories, String csv, String binary, String text,
        long malformedEvery,
        int workers) implements Settings {
}
