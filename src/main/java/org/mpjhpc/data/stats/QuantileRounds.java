package org.mpjhpc.data.stats;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpjhpc.data.DataComm;

/**
 * The quantile search over MPI. Each round the master Bcasts the queries; every worker
 * answers them: a gather by sending the values of the query's interval, a histogram by
 * Reduce (SUM of counts, MIN and MAX per bin); an empty round ends the search. The values
 * of a query are those the second pass held for its bucket ({@link #holding}), else found
 * by one scan of all kept values that serves the whole round ({@link #scanning}).
 *
 * <p>Plain loops, no streams: this code runs once per job on every rank, cold, and each
 * stream or lambda a rank meets first costs it about a millisecond (measured).
 */
final class QuantileRounds implements QuantileSearch.Cluster {
    private final DataComm comm;
    /** This worker's values of a held interval, or null: then {@link #all} is scanned. */
    private final Function<QuantileSearch.Query, double[]> held;
    private final KeptValues all;

    private QuantileRounds(DataComm comm, Function<QuantileSearch.Query, double[]> held, KeptValues all) {
        this.comm = comm;
        this.held = held;
        this.all = all;
    }

    /** Every query is a gather of the values the second pass held for its interval: {@code held} gives them. */
    static QuantileRounds holding(DataComm comm, Function<QuantileSearch.Query, double[]> held) {
        return new QuantileRounds(comm, held, null);
    }

    /** Every query is answered by a scan of {@code all} of this worker's kept values. */
    static QuantileRounds scanning(DataComm comm, KeptValues all) {
        return new QuantileRounds(comm, null, all);
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
        List<QuantileSearch.Query> histograms = new ArrayList<>();
        List<QuantileSearch.Query> gathers = new ArrayList<>();
        for (QuantileSearch.Query q : queries) {
            (q.gather() ? gathers : histograms).add(q);
        }
        if (held != null && !histograms.isEmpty()) { // a held interval is gathered whole, never narrowed
            throw new IllegalStateException("a histogram query over held values: " + histograms.get(0));
        }
        SecondPass.Histograms h = new SecondPass.Histograms(histograms);
        SecondPass.Gather g = new SecondPass.Gather(held == null ? gathers : List.of());
        if (held == null) {
            all.scan((v, from, to) -> { // one scan of the kept values serves the whole round
                h.block(v, from, to);
                g.block(v, from, to);
            });
        }
        List<QuantileSearch.Answer> answers = new ArrayList<>();
        for (QuantileSearch.Query q : queries) {
            if (q.gather()) {
                double[] mine = held != null ? held.apply(q) : g.values(gathers.indexOf(q));
                List<byte[]> parts = comm.gather(toBytes(mine));
                answers.add(parts == null ? null : new QuantileSearch.Answer(null, null, null, concat(parts)));
            } else {
                QuantileSearch.Answer a = h.answers[histograms.indexOf(q)];
                answers.add(new QuantileSearch.Answer(comm.sum(a.counts()), comm.min(a.mins()), comm.max(a.maxs()),
                        null));
            }
        }
        return answers;
    }

    /** The workers' values, decoded straight into one array (up to 64 MB: no copy in between). */
    private static double[] concat(List<byte[]> parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length / 8;
        }
        double[] all = new double[total];
        int at = 0;
        for (byte[] p : parts) {
            ByteBuffer.wrap(p).asDoubleBuffer().get(all, at, p.length / 8);
            at += p.length / 8;
        }
        return all;
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
