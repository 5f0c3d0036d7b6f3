package org.mpjhpc.data.mapreduce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.data.Progress;
import org.mpjhpc.log.Log;
import org.mpjhpc.mapreduce.Combiner;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Reducer;
import org.mpjhpc.mapreduce.TaskContext;
import org.mpjhpc.output.AtomicWrite;

/**
 * A worker's side of the job: map tasks as the master orders them (each output kept until
 * the shuffle, so a task can run again elsewhere), the shuffle of the accepted outputs by
 * partition, then one reduce task per partition it owns, each retried up to
 * {@code max_attempts}.
 */
final class WorkerSide {
    private final DataComm comm;
    private final MapReduceConfig config;
    private final WorkerOutputs outputs = new WorkerOutputs();
    private final Set<String> keys;
    /** Pairs the shuffle brought here, by partition (as the senders counted them). */
    private final Map<Integer, Long> received = new TreeMap<>();
    /** Pairs this worker sent in the shuffle, after merging its counting tasks' tables. */
    long sent;
    /** A counting job's sums of counts: made by the accepted tasks, sent after merging, read by the reducers. */
    final long[] counts = new long[3];
    final double[] seconds = new double[MapReduceJob.Phase.values().length];

    WorkerSide(DataComm comm, MapReduceConfig config) {
        this.comm = comm;
        this.config = config;
        this.keys = config.keys() == null ? null : new HashSet<>(config.keys());
    }

    /** Serves map orders until the phase ends; returns whether the job goes on to the shuffle. */
    boolean map() {
        long start = System.nanoTime();
        comm.report(Orders.Report.ready().encode());
        while (true) {
            Orders.Order order = Orders.Order.decode(comm.awaitOrder());
            if (order.kind() == Orders.OrderKind.END) {
                Set<Integer> accepted = new HashSet<>();
                for (int id : order.accepted()) {
                    accepted.add(id);
                }
                outputs.retain(accepted);
                seconds[MapReduceJob.Phase.MAP.ordinal()] = (System.nanoTime() - start) / 1e9;
                return order.proceed();
            }
            comm.report(runMap(order.chunk(), order.attempt()).encode());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Orders.Report runMap(Chunk chunk, int attempt) {
        long t0 = System.nanoTime();
        TaskContext ctx = context(chunk.id(), attempt);
        TaskRun.Outcome<MapOutput> out = TaskRun.run("map-" + chunk.id(), new MapAttempt(chunk, ctx),
                config.taskTimeoutMs());
        long nanos = System.nanoTime() - t0;
        if (!out.ok()) {
            return new Orders.Report(Orders.ReportKind.FAILED, chunk.id(), attempt, 0, 0, 0, 0, nanos, out.error());
        }
        MapOutput o = out.value();
        outputs.put(chunk.id(), o);
        return new Orders.Report(Orders.ReportKind.DONE, chunk.id(), attempt, o.records(), o.emitted(), o.pairs(),
                o.bytes(), nanos, null);
    }

    private Combiner<?> combiner() {
        if (config.combiner() != null) {
            return UserClasses.make(config.combiner(), Combiner.class);
        }
        Reducer<?, ?> r = UserClasses.make(config.reducer(), Reducer.class);
        return r instanceof Combiner<?> c ? c : null; // an associative reducer is its own combiner
    }

    /** Sends each partition's accepted map output to the partition's owner; returns what came here, by partition. */
    Map<Integer, List<Segment>> shuffle() {
        long start = System.nanoTime();
        int workers = comm.workers();
        List<MapOutput> sending = outputs.forShuffle(config.reducers());
        sent = WorkerOutputs.pairs(sending);
        counts[0] = outputs.countsMade;
        counts[1] = outputs.countsSent;
        List<List<byte[]>> out = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            out.add(Pieces.pack(sending, w, workers, config.reducers(), Pieces.PIECE));
        }
        sending = null; // packed: the map outputs need not be held twice
        List<List<byte[]>> in = comm.exchangePieces(out);
        Map<Integer, List<Segment>> segments = new TreeMap<>();
        for (int p = comm.worker(); p < config.reducers(); p += workers) {
            segments.put(p, new ArrayList<>());
            received.put(p, 0L);
        }
        long bytes = Pieces.unpack(in, segments, received);
        new Progress.Reporter(comm).done(bytes);
        seconds[MapReduceJob.Phase.SHUFFLE.ordinal()] = (System.nanoTime() - start) / 1e9;
        return segments;
    }

    /** Reduces every partition this worker owns; returns each one's outcome. */
    List<PartitionResult> reduce(Map<Integer, List<Segment>> segments) {
        long start = System.nanoTime();
        List<PartitionResult> results = new ArrayList<>();
        Progress.Reporter progress = new Progress.Reporter(comm);
        for (Map.Entry<Integer, List<Segment>> e : segments.entrySet()) {
            results.add(reducePartition(e.getKey(), e.getValue()));
            progress.tick(results.size());
        }
        progress.done(results.size());
        seconds[MapReduceJob.Phase.REDUCE.ordinal()] = (System.nanoTime() - start) / 1e9;
        return results;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PartitionResult reducePartition(int p, List<Segment> segments) {
        Path file = Path.of(config.output(), String.format(Locale.ROOT, "part-%05d.tsv", p));
        List<String> errors = new ArrayList<>();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            TaskRun.Outcome<ReduceTask.Result> out = TaskRun.run("reduce-" + p,
                    new ReduceAttempt(file, segments, context(p, attempt)), config.taskTimeoutMs());
            if (out.ok()) {
                ReduceTask.Result r = out.value();
                counts[2] += r.counts();
                Log.debug("reduce task " + p + " done on worker " + comm.worker() + " (attempt " + attempt + ", "
                        + r.keys() + " keys)");
                return new PartitionResult(p, comm.worker(), true, attempt, r.keys(), r.pairs(), received.get(p), errors,
                        r.top());
            }
            errors.add("attempt " + attempt + ": " + out.error());
            Log.warn("reduce task " + p + " failed on worker " + comm.worker() + ", attempt " + attempt + ": "
                    + out.error());
        }
        return new PartitionResult(p, comm.worker(), false, config.maxAttempts(), 0, 0, received.get(p), errors,
                List.of());
    }

    /**
     * One map attempt, run by {@link TaskRun}. Attempts are classes, not lambdas: under MPJ's
     * multicore device every rank spins its own class for each lambda, and the JIT's work
     * for them competes with the ranks for the cores.
     */
    private final class MapAttempt implements Callable<MapOutput> {
        private final Chunk chunk;
        private final TaskContext context;

        MapAttempt(Chunk chunk, TaskContext context) {
            this.chunk = chunk;
            this.context = context;
        }

        @Override
        public MapOutput call() throws Exception {
            UserMapper mapper = new UserMapper(config.mapper());
            mapper.setup(context);
            return mapper.map(chunk, config.inputs().get(chunk.file()), config.csv() ? config.delimiter() : 0,
                    mapper.counting() ? null : combiner(), keys, config.reducers()); // counts are summed anyway
        }
    }

    /** One reduce attempt: the partition's part file written whole by {@link AtomicWrite}, or not at all. */
    private final class ReduceAttempt implements Callable<ReduceTask.Result>, AtomicWrite.Body {
        private final Path file;
        private final List<Segment> segments;
        private final TaskContext context;
        private ReduceTask<?, ?> task;
        private ReduceTask.Result result;

        ReduceAttempt(Path file, List<Segment> segments, TaskContext context) {
            this.file = file;
            this.segments = segments;
            this.context = context;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ReduceTask.Result call() throws Exception {
            Reducer reducer = UserClasses.make(config.reducer(), Reducer.class);
            reducer.setup(context);
            UserMapper mapper = new UserMapper(config.mapper());
            KeyCodec[] codecs = mapper.codecs();
            task = new ReduceTask(codecs[0], codecs[1], reducer, mapper.counting());
            AtomicWrite.stream(file, this);
            return result;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try {
                result = task.run(segments, out, config.top());
            } catch (IOException | RuntimeException x) {
                throw x;
            } catch (Exception x) {
                throw new IOException(x.toString(), x);
            }
        }
    }

    private TaskContext context(int task, int attempt) {
        int worker = comm.worker();
        return new TaskContext() {
            @Override
            public int task() {
                return task;
            }

            @Override
            public int attempt() {
                return attempt;
            }

            @Override
            public int worker() {
                return worker;
            }

            @Override
            public String param(String name) {
                return config.params().get(name);
            }

            @Override
            public void progress() {
                TaskRun.beat();
            }
        };
    }
}
