package org.mpjhpc.mapreduce.examples;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpjhpc.mapreduce.Emitter;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.InputRecord;
import org.mpjhpc.mapreduce.TaskContext;

/**
 * Distributed grep: how many lines of each file hold a match of {@code params.pattern} (a
 * Java regular expression), summed per file by {@link WordCount.Sum}.
 */
public final class Grep implements Mapper<String, Long> {
    private Matcher matcher;

    @Override
    public void setup(TaskContext context) {
        String pattern = context.param("pattern");
        if (pattern == null) {
            throw new IllegalArgumentException("Grep needs params: {pattern: REGEX}");
        }
        matcher = Pattern.compile(pattern).matcher("");
    }

    @Override
    public void map(InputRecord record, Emitter<String, Long> out) {
        if (matcher.reset(record.text()).find()) {
            out.emit(record.file(), 1L);
        }
    }

    @Override
    public KeyCodec<String> keyCodec() {
        return KeyCodec.STRING;
    }

    @Override
    public KeyCodec<Long> valueCodec() {
        return KeyCodec.LONG;
    }
}
