/* The micro-benchmarks of configs/kernels/micro.yaml (src/main/java/org/mpjhpc/kernels/Micro.java)
 * in C with MPI, the same measurements and the same CSV: the physical reference on this machine.
 *   mpicc -O2 micro.c -o micro && mpirun -np 2 ./micro [LARGEST_BYTES] > micro.csv */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 64

static int max_i(int a, int b) { return a > b ? a : b; }
static int min_i(int a, int b) { return a < b ? a : b; }

static void ping_pong(int rank, int size, int iters) {
    char *buf = calloc(size, 1);
    double t0 = 0;
    for (int i = -min_i(iters, 50); i < iters; i++) {
        if (i == 0) t0 = MPI_Wtime();
        if (rank == 0) {
            MPI_Send(buf, size, MPI_BYTE, 1, 1, MPI_COMM_WORLD);
            MPI_Recv(buf, size, MPI_BYTE, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(buf, size, MPI_BYTE, 0, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, size, MPI_BYTE, 0, 1, MPI_COMM_WORLD);
        }
    }
    if (rank == 0) printf("latency,%d,%.4f,us\n", size, (MPI_Wtime() - t0) * 1e6 / iters / 2);
    free(buf);
}

static void bandwidth(int rank, int size, int rounds) {
    char *bufs = calloc((size_t) size * WINDOW, 1);
    char ack = 0;
    MPI_Request req[WINDOW];
    double t0 = 0;
    for (int round = -1; round < rounds; round++) {
        if (round == 0) t0 = MPI_Wtime();
        for (int w = 0; w < WINDOW; w++) {
            if (rank == 0) MPI_Isend(bufs + (size_t) w * size, size, MPI_BYTE, 1, 2, MPI_COMM_WORLD, &req[w]);
            else if (rank == 1) MPI_Irecv(bufs + (size_t) w * size, size, MPI_BYTE, 0, 2, MPI_COMM_WORLD, &req[w]);
        }
        if (rank <= 1) MPI_Waitall(WINDOW, req, MPI_STATUSES_IGNORE);
        if (rank == 1) MPI_Send(&ack, 1, MPI_BYTE, 0, 3, MPI_COMM_WORLD);
        else if (rank == 0) MPI_Recv(&ack, 1, MPI_BYTE, 1, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    if (rank == 0) printf("bandwidth,%d,%.4f,MB/s\n", size, (double) size * WINDOW * rounds / (MPI_Wtime() - t0) / 1e6);
    free(bufs);
}

static void collectives(int rank, int ranks, int size, int iters) {
    char *bytes = calloc(size, 1);
    int nd = max_i(1, size / 8);
    double *in = calloc(nd, sizeof(double)), *out = calloc(nd, sizeof(double));
    char *all = calloc((size_t) size * ranks, 1), *got = calloc((size_t) size * ranks, 1);
    double times[3], max[3];
    for (int k = 0; k < 3; k++) {
        double t0 = 0;
        for (int i = -2; i < iters; i++) {
            if (i == 0) t0 = MPI_Wtime();
            if (k == 0) MPI_Bcast(bytes, size, MPI_BYTE, 0, MPI_COMM_WORLD);
            else if (k == 1) MPI_Allreduce(in, out, nd, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
            else MPI_Alltoall(all, size, MPI_BYTE, got, size, MPI_BYTE, MPI_COMM_WORLD);
        }
        times[k] = (MPI_Wtime() - t0) * 1e6 / iters;
    }
    MPI_Reduce(times, max, 3, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("bcast,%d,%.4f,us\nallreduce,%d,%.4f,us\nalltoall,%d,%.4f,us\n", size, max[0], size, max[1], size,
               max[2]);
    }
    free(bytes); free(in); free(out); free(all); free(got);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    int largest = argc > 1 ? atoi(argv[1]) : 1 << 22;
    if (rank == 0) printf("test,bytes,value,unit\n");
    for (int size = 1; size <= largest; size *= 2) {
        int iters = max_i(10, min_i(1000, (1 << 22) / size));
        if (ranks > 1) {
            ping_pong(rank, size, iters);
            bandwidth(rank, size, max_i(2, iters / WINDOW));
        }
        collectives(rank, ranks, size, max_i(5, iters / 4));
    }
    MPI_Finalize();
    return 0;
}
