package org.mpjhpc.fv;

import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;

/** {@link Link} over an MPJ Express communicator (the Cartesian one of the compute ranks). */
final class MpjLink implements Link {
    /** Halo tags are kept apart from any other traffic on the communicator. */
    private static final int BASE = 1000;
    private final Intracomm comm;

    MpjLink(Intracomm comm) {
        this.comm = comm;
    }

    @Override
    public Pending receive(double[] buffer, int source, int tag) {
        Request r = comm.Irecv(buffer, 0, buffer.length, MPI.DOUBLE, source, BASE + tag);
        return r::Wait;
    }

    @Override
    public Pending send(double[] buffer, int dest, int tag) {
        Request r = comm.Isend(buffer, 0, buffer.length, MPI.DOUBLE, dest, BASE + tag);
        return r::Wait;
    }

    @Override
    public void sendReceive(double[] out, int dest, double[] in, int source, int tag) {
        comm.Sendrecv(out, 0, out.length, MPI.DOUBLE, dest, BASE + tag, in, 0, in.length, MPI.DOUBLE, source, BASE + tag);
    }

    @Override
    public void sendOnly(double[] out, int dest, int tag) {
        comm.Send(out, 0, out.length, MPI.DOUBLE, dest, BASE + tag);
    }

    @Override
    public void receiveOnly(double[] in, int source, int tag) {
        comm.Recv(in, 0, in.length, MPI.DOUBLE, source, BASE + tag);
    }
}
