package org.mpjhpc.fv;

/** The point-to-point messages the halo exchange needs, between compute ranks. */
interface Link {
    /** A receive or send in flight. */
    interface Pending {
        void await();
    }

    Pending receive(double[] buffer, int source, int tag);

    Pending send(double[] buffer, int dest, int tag);

    void sendReceive(double[] out, int dest, double[] in, int source, int tag);

    void sendOnly(double[] out, int dest, int tag);

    void receiveOnly(double[] in, int source, int tag);
}
