package org.mpjhpc.comm;

import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import mpi.Status;

/** {@link Comm} over an MPJ Express intracommunicator. */
public final class MpjComm implements Comm {
    private final Intracomm comm;
    private final int rank;
    private final int size;

    public MpjComm(Intracomm comm) {
        this.comm = comm;
        this.rank = comm.Rank();
        this.size = comm.Size();
    }

    /** The world communicator of an initialised MPJ Express run. */
    public static MpjComm world() {
        return new MpjComm(MPI.COMM_WORLD);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Pending isend(int dest, Tag tag, byte[] data) {
        Request request = comm.Isend(data, 0, data.length, MPI.BYTE, dest, tag.code());
        return new Pending() {
            private boolean done;

            @Override
            public boolean done() {
                if (!done) {
                    done = request.Test() != null;
                }
                return done;
            }

            @Override
            public void await() {
                if (!done) {
                    request.Wait();
                    done = true;
                }
            }
        };
    }

    @Override
    public void send(int dest, Tag tag, byte[] data) {
        comm.Send(data, 0, data.length, MPI.BYTE, dest, tag.code());
    }

    @Override
    public Message poll(int source) {
        Status status = Probes.iprobe(comm, source == ANY ? MPI.ANY_SOURCE : source, MPI.ANY_TAG);
        return status == null ? null : receive(status);
    }

    @Override
    public Message receive(int source) {
        return receive(Probes.probe(comm, source == ANY ? MPI.ANY_SOURCE : source, MPI.ANY_TAG));
    }

    private Message receive(Status probed) {
        byte[] data = new byte[probed.Get_count(MPI.BYTE)];
        comm.Recv(data, 0, data.length, MPI.BYTE, probed.source, probed.tag);
        return new Message(probed.source, Tag.of(probed.tag), data);
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
    public long[] reduceSum(long[] values, int root) {
        long[] result = new long[values.length];
        comm.Reduce(values, 0, result, 0, values.length, MPI.LONG, MPI.SUM, root);
        return rank == root ? result : null;
    }
}
