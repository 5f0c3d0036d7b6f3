package org.mpjhpc.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantile search over MPI. Each round the master Bcasts the queries; every worker
 * answers all of them in one scan of its kept values, histograms by Reduce (SUM of counts,
 * MIN and MAX per bin) and gathers by sending its sorted values; an empty round ends the
 * search. The first round's histogram, over the global [min, max], may be known already:
 * the second pass computes it in its own scan ({@link #firstRound}).
 */
final class QuantileRounds implements QuantileSearch.Cluster {
    private final DataComm comm;
    private final KeptValues values;
    private final Bins first;
    private QuantileSearch.Query firstQuery;
    private QuantileSearch.Answer firstAnswer;

    /** @param first the search's first histogram: over the global [min, max], {@link QuantileSearch#BINS} bins */
    QuantileRounds(DataComm comm, KeptValues values, Bins first) {
        this.comm = comm;
        this.values = values;
        this.first = first;
    }

    /** Master: the answer to {@code query}, summed over the workers already, serves that round without messages. */
    void firstRound(QuantileSearch.Query query, QuantileSearch.Answer answer) {
        firstQuery = query;
        firstAnswer = answer;
    }

    /** Master: one round. */
    @Override
    public List<QuantileSearch.Answer> answer(List<QuantileSearch.Query> queries) {
        if (firstAnswer != null && queries.equals(List.of(firstQuery))) {
            QuantileSearch.Answer a = firstAnswer;
            firstAnswer = null;
            return List.of(a);
        }
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
        List<QuantileSearch.Query> histograms = queries.stream().filter(q -> !q.gather()).toList();
        SecondPass.Histograms local = new SecondPass.Histograms(histograms);
        SecondPass.Gather gathers = new SecondPass.Gather(queries.stream().filter(QuantileSearch.Query::gather)
                .toList());
        Candidates near = new Candidates(first, queries);
        values.scan((v, from, to) -> near.scan(v, from, to, (c, cFrom, cTo) -> {
            local.block(c, cFrom, cTo);
            gathers.block(c, cFrom, cTo);
        }));
        List<QuantileSearch.Answer> answers = new ArrayList<>();
        int gathered = 0;
        for (QuantileSearch.Query q : queries) {
            if (q.gather()) {
                List<byte[]> parts = comm.gather(toBytes(gathers.sorted(gathered++)));
                answers.add(parts == null ? null : new QuantileSearch.Answer(null, null, null, merge(parts)));
            } else {
                QuantileSearch.Answer a = local.answers[histograms.indexOf(q)];
                answers.add(new QuantileSearch.Answer(comm.sum(a.counts()), comm.min(a.mins()), comm.max(a.maxs()),
                        null));
            }
        }
        return answers;
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
