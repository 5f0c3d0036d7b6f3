package org.mpjhpc.data.mapreduce;

import java.util.Set;
import org.mpjhpc.mapreduce.Combiner;
import org.mpjhpc.mapreduce.CountingMapper;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.TaskContext;

/** The job's mapper, either kind: a {@link Mapper} of pairs or a {@link CountingMapper} of text keys' counts. */
final class UserMapper {
    private final Object mapper;

    UserMapper(String className) {
        this(UserClasses.make(className, Object.class));
    }

    UserMapper(Object mapper) {
        this.mapper = mapper;
    }

    boolean lineNumbers() {
        return mapper instanceof Mapper<?, ?> m ? m.lineNumbers() : ((CountingMapper) mapper).lineNumbers();
    }

    /** A counting mapper: each worker merges its tasks' tables before the shuffle. */
    boolean counting() {
        return mapper instanceof CountingMapper;
    }

    void setup(TaskContext context) throws Exception {
        if (mapper instanceof Mapper<?, ?> m) {
            m.setup(context);
        } else {
            ((CountingMapper) mapper).setup(context);
        }
    }

    /** The codecs of its keys and values: a counting mapper's are text and longs. */
    KeyCodec<?>[] codecs() {
        return mapper instanceof Mapper<?, ?> m ? new KeyCodec<?>[] {m.keyCodec(), m.valueCodec()}
                : new KeyCodec<?>[] {KeyCodec.STRING, KeyCodec.LONG};
    }

    /** Runs one map task over a chunk. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    MapOutput map(Chunk chunk, String path, char delimiter, Combiner<?> combiner, Set<String> keys, int partitions)
            throws Exception {
        if (mapper instanceof Mapper m) {
            return new MapTask(m, combiner, keys, partitions).run(chunk, path, delimiter);
        }
        return new CountTask((CountingMapper) mapper, keys).run(chunk, path, delimiter);
    }
}
