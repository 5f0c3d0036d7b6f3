package org.mpjhpc.comm;

import java.lang.reflect.Array;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import mpi.Status;
import mpi.User_function;

/** {@link Comm} over an MPJ Express intracommunicator: the only class that calls MPJ's messages. */
public class MpjComm implements Comm {
    /** Devices whose ranks are processes of their own, so that one can die alone. */
    private static final java.util.Set<String> SEPARATE = java.util.Set.of("niodev", "hybdev");
    /** One per rank: each rank has its own copy of this class on the multicore device. */
    private static Lifeline lifeline = Lifeline.NONE;

    final Intracomm comm;
    private final int rank;
    private final int size;

    MpjComm(Intracomm comm) {
        this.comm = comm;
        this.rank = comm.Rank();
        this.size = comm.Size();
    }

    /** Starts MPJ Express on this rank; returns the application's own arguments. */
    public static String[] init(String[] args) {
        return MPI.Init(args);
    }

    /** Ends MPJ Express on this rank. */
    public static void finish() {
        MPI.Finalize();
    }

    /** The world communicator of an initialised MPJ Express run. */
    public static MpjComm world() {
        return new MpjComm(MPI.COMM_WORLD);
    }

    @Override
    public Lifeline watchRanks(java.util.function.Consumer<RankLost> lastWords) {
        if (SEPARATE.contains(mpjdev.MPJDev.deviceName)) {
            lifeline = ProcessLifeline.start(comm, lastWords);
        }
        return lifeline;
    }

    @Override
    public Lifeline lifeline() {
        return lifeline;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    static Datatype type(Class<?> arrayType) {
        if (arrayType == byte[].class) {
            return MPI.BYTE;
        } else if (arrayType == int[].class) {
            return MPI.INT;
        } else if (arrayType == long[].class) {
            return MPI.LONG;
        } else if (arrayType == double[].class) {
            return MPI.DOUBLE;
        }
        throw new IllegalArgumentException("not a message buffer: " + arrayType);
    }

    private static Datatype type(Object array) {
        return type(array.getClass());
    }

    private static int source(int source) {
        return source == ANY ? MPI.ANY_SOURCE : source;
    }

    @Override
    public Pending isend(Object array, int count, int dest, Tag tag) {
        return pending(comm.Isend(array, 0, count, type(array), dest, tag.code()), count, null);
    }

    @Override
    public Pending irecv(Object array, int count, int source, Tag tag) {
        return pending(comm.Irecv(array, 0, count, type(array), source(source), tag.code()), -1, type(array));
    }

    private static Pending pending(Request request, int sent, Datatype received) {
        return new Pending() {
            private Status status;

            @Override
            public boolean done() {
                if (status == null) {
                    status = request.Test();
                }
                return status != null;
            }

            @Override
            public int await() {
                if (status == null) {
                    status = request.Wait();
                }
                return received == null ? sent : status.Get_count(received);
            }
        };
    }

    @Override
    public void send(Object array, int count, int dest, Tag tag) {
        comm.Send(array, 0, count, type(array), dest, tag.code());
    }

    @Override
    public void recv(Object array, int count, int source, Tag tag) {
        recv(array, count, source, tag.code());
    }

    @Override
    public void recv(Object array, int count, int source, int tag) {
        comm.Recv(array, 0, count, type(array), source(source), tag);
    }

    @Override
    public void sendReceive(Object out, int dest, Object in, int source, Tag tag) {
        comm.Sendrecv(out, 0, Array.getLength(out), type(out), dest, tag.code(),
                in, 0, Array.getLength(in), type(in), source, tag.code());
    }

    @Override
    public Envelope probe(int source, int tag) {
        Status s = Probes.iprobe(comm, source(source), tag == ANY ? MPI.ANY_TAG : tag);
        return s == null ? null : new Envelope(s.source, s.tag, arrayType -> s.Get_count(type(arrayType)));
    }

    @Override
    public byte[] broadcast(byte[] data, int root) {
        int[] length = {rank == root ? data.length : 0};
        comm.Bcast(length, 0, 1, MPI.INT, root);
        byte[] buffer = rank == root ? data : new byte[length[0]];
        comm.Bcast(buffer, 0, buffer.length, MPI.BYTE, root);
        return buffer;
    }

    @Override
    public void broadcast(Object array, int count, int root) {
        comm.Bcast(array, 0, count, type(array), root);
    }

    @Override
    public <T> T reduce(T array, Op op, int root) {
        T result = fresh(array);
        comm.Reduce(array, 0, result, 0, Array.getLength(array), type(array), mpiOp(op), root);
        return rank == root ? result : null;
    }

    @Override
    public <T> T allReduce(T array, Op op) {
        T result = fresh(array);
        comm.Allreduce(array, 0, result, 0, Array.getLength(array), type(array), mpiOp(op));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T fresh(T array) {
        return (T) Array.newInstance(array.getClass().getComponentType(),
                Array.getLength(array));
    }

    private static mpi.Op mpiOp(Op op) {
        return switch (op) {
            case SUM -> MPI.SUM;
            case MIN -> MPI.MIN;
            case MAX -> MPI.MAX;
        };
    }

    @Override
    public double[] reduce(double[] records, int width, RecordMerge merge, int root) {
        mpi.Op op = new mpi.Op(new User_function() {
            @Override
            public void Call(Object in, int inOffset, Object inOut, int inOutOffset, int count, Datatype type) {
                for (int k = 0; k < count; k += width) {
                    merge.merge((double[]) in, inOffset + k, (double[]) inOut, inOutOffset + k);
                }
            }
        }, true);
        double[] result = new double[records.length];
        comm.Reduce(records, 0, result, 0, records.length, MPI.DOUBLE, op, root);
        return rank == root ? result : null;
    }

    @Override
    public int[] allToAll(int[] counts) {
        int[] got = new int[counts.length];
        comm.Alltoall(counts, 0, 1, MPI.INT, got, 0, 1, MPI.INT);
        return got;
    }

    @Override
    public byte[] allToAll(byte[] send, int block) {
        byte[] got = new byte[send.length];
        comm.Alltoall(send, 0, block, MPI.BYTE, got, 0, block, MPI.BYTE);
        return got;
    }

    @Override
    public <T> T scan(T array, Op op) {
        T result = fresh(array);
        comm.Scan(array, 0, result, 0, Array.getLength(array), type(array), mpiOp(op));
        return result;
    }

    @Override
    public double[] scatter(double[] all, int[] counts, int root) {
        double[] mine = new double[counts[rank]];
        comm.Scatterv(rank == root ? all : new double[0], 0, counts, offsets(counts), MPI.DOUBLE, mine, 0,
                mine.length, MPI.DOUBLE, root);
        return mine;
    }

    @Override
    public double[] gather(double[] mine, int[] counts, int root) {
        int[] at = offsets(counts);
        double[] all = new double[rank == root ? at[counts.length - 1] + counts[counts.length - 1] : 0];
        comm.Gatherv(mine, 0, mine.length, MPI.DOUBLE, all, 0, counts, at, MPI.DOUBLE, root);
        return rank == root ? all : null;
    }

    /** Where each rank's block starts. */
    private static int[] offsets(int[] counts) {
        int[] at = new int[counts.length];
        for (int r = 1; r < counts.length; r++) {
            at[r] = at[r - 1] + counts[r - 1];
        }
        return at;
    }

    @Override
    public Comm split(int color, int key) {
        return new MpjComm(comm.Split(color, key));
    }

    @Override
    public Cart cartesian(int[] dims, boolean[] periodic) {
        return new MpjCart(comm.Create_cart(dims, periodic, false));
    }
}
