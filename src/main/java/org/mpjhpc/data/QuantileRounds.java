package org.mpjhpc.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The quantile search over MPI. Each round the master Bcasts the queries; every worker
 * answers each from the values that can hold it (the bucket the second pass kept for it,
 * or all its kept values, one scan serving the whole round), histograms by Reduce (SUM of
 * counts, MIN and MAX per bin) and gathers by sending its sorted values; an empty round
 * ends the search.
 */
final class QuantileRounds implements QuantileSearch.Cluster {
    private final DataComm comm;
    private final Function<QuantileSearch.Query, KeptValues> values;

    /** @param values the values this worker searches for a query: all that it can ask for */
    QuantileRounds(DataComm comm, Function<QuantileSearch.Query, KeptValues> values) {
        this.comm = comm;
        this.values = values;
    }

    /** Master: one round. */
    @Override
    public List<QuantileSearch.Answer> answer(List<QuantileSearch.Query> queries) {
        comm.bcast(encode(queries));
        return answerAll(queries);
    }

    /** Master: tells the workers the search is over. */
    void finish() {
        comm.bcast(encode(List.of()));
    }

    /** Worker: answers rounds until the empty one. */
    void serve() {
        while (true) {
            List<QuantileSearch.Query> queries = decode(comm.bcast(null));
            if (queries.isEmpty()) {
                return;
            }
            answerAll(queries);
        }
    }

    private List<QuantileSearch.Answer> answerAll(List<QuantileSearch.Query> queries) {
        Map<QuantileSearch.Query, QuantileSearch.Answer> local = new HashMap<>();
        Map<QuantileSearch.Query, double[]> gathered = new HashMap<>();
        Map<KeptValues, List<QuantileSearch.Query>> bySource = new IdentityHashMap<>();
        queries.forEach(q -> bySource.computeIfAbsent(values.apply(q), s -> new ArrayList<>()).add(q));
        bySource.forEach((source, asked) -> scan(source, asked, local, gathered)); // one scan per source
        List<QuantileSearch.Answer> answers = new ArrayList<>();
        for (QuantileSearch.Query q : queries) {
            if (q.gather()) {
                List<byte[]> parts = comm.gather(toBytes(gathered.get(q)));
                answers.add(parts == null ? null : new QuantileSearch.Answer(null, null, null, merge(parts)));
            } else {
                QuantileSearch.Answer a = local.get(q);
                answers.add(new QuantileSearch.Answer(comm.sum(a.counts()), comm.min(a.mins()), comm.max(a.maxs()),
                        null));
            }
        }
        return answers;
    }

    /** Answers this worker's part of {@code asked} in one scan of {@code source}. */
    private static void scan(KeptValues source, List<QuantileSearch.Query> asked,
            Map<QuantileSearch.Query, QuantileSearch.Answer> local, Map<QuantileSearch.Query, double[]> gathered) {
        List<QuantileSearch.Query> histograms = asked.stream().filter(q -> !q.gather()).toList();
        List<QuantileSearch.Query> gathers = asked.stream().filter(QuantileSearch.Query::gather).toList();
        SecondPass.Histograms h = new SecondPass.Histograms(histograms);
        SecondPass.Gather g = new SecondPass.Gather(gathers);
        source.scan((v, from, to) -> {
            h.block(v, from, to);
            g.block(v, from, to);
        });
        for (int k = 0; k < histograms.size(); k++) {
            local.put(histograms.get(k), h.answers[k]);
        }
        for (int k = 0; k < gathers.size(); k++) {
            gathered.put(gathers.get(k), g.sorted(k));
        }
    }

    private static double[] merge(List<byte[]> parts) {
        List<double[]> arrays = new ArrayList<>();
        for (byte[] p : parts) {
            double[] d = new double[p.length / 8];
            ByteBuffer.wrap(p).asDoubleBuffer().get(d);
            arrays.add(d);
        }
        return SecondPass.merge(arrays);
    }

    private static byte[] toBytes(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    private static byte[] encode(List<QuantileSearch.Query> queries) {
        ByteBuffer b = ByteBuffer.allocate(4 + queries.size() * 17);
        b.putInt(queries.size());
        for (QuantileSearch.Query q : queries) {
            b.putDouble(q.lo()).putDouble(q.hi()).put((byte) (q.gather() ? 1 : 0));
        }
        return b.array();
    }

    private static List<QuantileSearch.Query> decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<QuantileSearch.Query> queries = new ArrayList<>();
        for (int n = b.getInt(); n > 0; n--) {
            queries.add(new QuantileSearch.Query(b.getDouble(), b.getDouble(), b.get() == 1));
        }
        return queries;
    }
}
