/*
 * The anchor for benchmarks/fv-scaling: the same finite-volume scheme as the Java solver
 * (src/main/java/org/mpjhpc/fv), in C with MPI, written to do the same floating-point
 * operations in the same order: Sod's tube along x on an nx x ny grid, MUSCL with the van
 * Leer limiter on primitive variables, HLLC fluxes, SSP-RK2, CFL time step by Allreduce
 * MIN, transmissive left/right and periodic bottom/top, a 2D Cartesian decomposition
 * with a nonblocking halo exchange. It ends with the same checksum (FNV-1a over the bits
 * of the final field in global order), so equal checksums mean the same computation.
 *
 *   mpicc -O3 -ffp-contract=off -o fv fv.c -lm
 *   mpirun -np P ./fv NX NY T_END MAX_STEPS
 */
#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NG 2
#define VARS 4
static const double GAMMA = 1.4, CFL = 0.4;

typedef struct { int nx, ny, stride; double *q[VARS]; } field;

static field make(int nx, int ny) {
    field f = {nx, ny, nx + 2 * NG, {0}};
    for (int v = 0; v < VARS; v++) f.q[v] = calloc((size_t)f.stride * (ny + 2 * NG), sizeof(double));
    return f;
}
static inline int at(const field *f, int i, int j) { return (j + NG) * f->stride + i + NG; }

static inline double pressure(double r, double mx, double my, double e) {
    return (GAMMA - 1.0) * (e - 0.5 * (mx * mx + my * my) / r);
}
static inline double energy(double r, double u, double v, double p) {
    return p / (GAMMA - 1.0) + 0.5 * r * (u * u + v * v);
}
static inline double sound(double r, double p) { return sqrt(GAMMA * p / r); }
static inline double vanleer(double l, double r) { double p = l * r; return p <= 0.0 ? 0.0 : 2.0 * p / (l + r); }

static inline void physical(double r, double un, double ut, double p, double e, double *out) {
    double m = r * un;
    out[0] = m; out[1] = m * un + p; out[2] = m * ut; out[3] = un * (e + p);
}

static inline void side(double r, double un, double ut, double p, double e, double s, double star, double *out) {
    physical(r, un, ut, p, e, out);
    double m = r * (s - un);
    double factor = m / (s - star);
    double d0 = factor - r;
    double d1 = factor * star - r * un;
    double d2 = factor * ut - r * ut;
    double d3 = factor * (e / r + (star - un) * (star + p / m)) - e;
    out[0] += s * d0; out[1] += s * d1; out[2] += s * d2; out[3] += s * d3;
}

static void hllc(double rl, double unl, double utl, double pl, double rr, double unr, double utr, double pr, double *out) {
    double cl = sound(rl, pl), cr = sound(rr, pr);
    double sl = fmin(unl - cl, unr - cr), sr = fmax(unl + cl, unr + cr);
    double el = energy(rl, unl, utl, pl), er = energy(rr, unr, utr, pr);
    if (sl >= 0.0) { physical(rl, unl, utl, pl, el, out); return; }
    if (sr <= 0.0) { physical(rr, unr, utr, pr, er, out); return; }
    double ml = rl * (sl - unl), mr = rr * (sr - unr);
    double star = (pr - pl + unl * ml - unr * mr) / (ml - mr);
    if (star >= 0.0) side(rl, unl, utl, pl, el, sl, star, out);
    else side(rr, unr, utr, pr, er, sr, star, out);
}

/* Flux through the face between cell a and a + step; normal/tangent pick the velocities. */
static void face_flux(const field *w, int a, int step, int normal, int tangent, double *out) {
    int b = a + step;
    const double *rho = w->q[0], *un = w->q[normal], *ut = w->q[tangent], *p = w->q[3];
    double L[4] = {rho[a], un[a], ut[a], p[a]}, R[4] = {rho[b], un[b], ut[b], p[b]};
    const double *qs[4] = {rho, un, ut, p};
    for (int k = 0; k < 4; k++) {
        const double *q = qs[k];
        double qa = q[a], qb = q[b], mid = qb - qa;
        L[k] = qa + 0.5 * vanleer(qa - q[a - step], mid);
        R[k] = qb - 0.5 * vanleer(mid, q[b + step] - qb);
    }
    if (L[0] <= 0 || L[3] <= 0 || R[0] <= 0 || R[3] <= 0) {
        L[0] = rho[a]; L[1] = un[a]; L[2] = ut[a]; L[3] = p[a];
        R[0] = rho[b]; R[1] = un[b]; R[2] = ut[b]; R[3] = p[b];
    }
    hllc(L[0], L[1], L[2], L[3], R[0], R[1], R[2], R[3], out);
}

static double *fx, *gb[4], *gt[4];

static void y_faces(const field *w, int j, int i0, int i1, double **out) {
    double f[4];
    for (int i = i0; i < i1; i++) {
        face_flux(w, at(w, i, j - 1), w->stride, 2, 1, f);
        for (int k = 0; k < 4; k++) out[k][i - i0] = f[k];
    }
}

static void residual_range(const field *w, double dx, double dy, field *du, int i0, int i1, int j0, int j1) {
    double idx = 1.0 / dx, idy = 1.0 / dy, f[4];
    double **b = gb, **t = gt;
    y_faces(w, j0, i0, i1, b);
    for (int j = j0; j < j1; j++) {
        y_faces(w, j + 1, i0, i1, t);
        for (int fc = i0; fc <= i1; fc++) {
            face_flux(w, at(w, fc - 1, j), 1, 1, 2, f);
            int k = 4 * (fc - i0);
            fx[k] = f[0]; fx[k + 1] = f[1]; fx[k + 2] = f[2]; fx[k + 3] = f[3];
        }
        for (int i = i0; i < i1; i++) {
            int c = at(du, i, j), k = 4 * (i - i0), x = i - i0;
            du->q[0][c] = -((fx[k + 4] - fx[k]) * idx + (t[0][x] - b[0][x]) * idy);
            du->q[1][c] = -((fx[k + 5] - fx[k + 1]) * idx + (t[2][x] - b[2][x]) * idy);
            du->q[2][c] = -((fx[k + 6] - fx[k + 2]) * idx + (t[1][x] - b[1][x]) * idy);
            du->q[3][c] = -((fx[k + 7] - fx[k + 3]) * idx + (t[3][x] - b[3][x]) * idy);
        }
        double **s = b; b = t; t = s;
    }
}

static void primitives(const field *u, field *w, int i0, int i1, int j0, int j1) {
    for (int j = j0; j < j1; j++)
        for (int i = i0; i < i1; i++) {
            int c = at(u, i, j);
            double r = u->q[0][c], mx = u->q[1][c], my = u->q[2][c];
            w->q[0][c] = r; w->q[1][c] = mx / r; w->q[2][c] = my / r;
            w->q[3][c] = pressure(r, mx, my, u->q[3][c]);
        }
}

/* ---- halo: sides LEFT 0, RIGHT 1, BOTTOM 2, TOP 3; written once for all sides ---- */
static int nb[4];
static double *sbuf[4], *rbuf[4];
static MPI_Comm cart;

static inline int cell(const field *u, int s, int along, int depth) {
    switch (s) {
        case 0: return at(u, depth, along);
        case 1: return at(u, u->nx - 1 - depth, along);
        case 2: return at(u, along, depth);
        default: return at(u, along, u->ny - 1 - depth);
    }
}
static int len(const field *u, int s) { return s < 2 ? u->ny : u->nx; }
static void pack(const field *u, int s, double *buf) {
    int k = 0, n = len(u, s);
    for (int v = 0; v < VARS; v++) for (int l = 0; l < NG; l++) for (int a = 0; a < n; a++) buf[k++] = u->q[v][cell(u, s, a, l)];
}
static void unpack(field *u, int s, const double *buf) {
    int k = 0, n = len(u, s);
    for (int v = 0; v < VARS; v++) for (int l = 0; l < NG; l++) for (int a = 0; a < n; a++) u->q[v][cell(u, s, a, -1 - l)] = buf[k++];
}
static void transmissive(field *u, int s) {
    int n = len(u, s);
    for (int l = 0; l < NG; l++) for (int a = 0; a < n; a++) for (int v = 0; v < VARS; v++)
        u->q[v][cell(u, s, a, -1 - l)] = u->q[v][cell(u, s, a, 0)];
}

static MPI_Request reqs[8];
static int nreq;
static void halo_begin(field *u) {
    nreq = 0;
    for (int s = 0; s < 4; s++)
        if (nb[s] >= 0) MPI_Irecv(rbuf[s], VARS * NG * len(u, s), MPI_DOUBLE, nb[s], 1000 + s, cart, &reqs[nreq++]);
    for (int s = 0; s < 4; s++)
        if (nb[s] >= 0) { pack(u, s, sbuf[s]); MPI_Isend(sbuf[s], VARS * NG * len(u, s), MPI_DOUBLE, nb[s], 1000 + (s ^ 1), cart, &reqs[nreq++]); }
}
static void halo_finish(field *u) {
    MPI_Waitall(nreq, reqs, MPI_STATUSES_IGNORE);
    for (int s = 0; s < 4; s++) {
        if (nb[s] >= 0) unpack(u, s, rbuf[s]);
        else if (nb[s] == -2) { pack(u, s ^ 1, rbuf[s]); unpack(u, s, rbuf[s]); }
    }
    for (int s = 0; s < 4; s++) if (nb[s] == -1) transmissive(u, s);
}

static void residual(field *v, field *w, field *du, double dx, double dy) {
    halo_begin(v);
    primitives(v, w, 0, v->nx, 0, v->ny);
    int g = NG, split = v->nx > 2 * g && v->ny > 2 * g;
    if (split) residual_range(w, dx, dy, du, g, v->nx - g, g, v->ny - g);
    halo_finish(v);
    primitives(v, w, -g, 0, 0, v->ny); primitives(v, w, v->nx, v->nx + g, 0, v->ny);
    primitives(v, w, 0, v->nx, -g, 0); primitives(v, w, 0, v->nx, v->ny, v->ny + g);
    if (split) {
        residual_range(w, dx, dy, du, 0, v->nx, 0, g);
        residual_range(w, dx, dy, du, 0, v->nx, v->ny - g, v->ny);
        residual_range(w, dx, dy, du, 0, g, g, v->ny - g);
        residual_range(w, dx, dy, du, v->nx - g, v->nx, g, v->ny - g);
    } else residual_range(w, dx, dy, du, 0, v->nx, 0, v->ny);
}

static void combine(field *target, const field *base, const field *extra, const field *du, double dt) {
    for (int v = 0; v < VARS; v++)
        for (int j = 0; j < base->ny; j++) {
            int c = at(base, 0, j);
            for (int end = c + base->nx; c < end; c++)
                target->q[v][c] = extra == NULL ? base->q[v][c] + dt * du->q[v][c]
                                                : 0.5 * (base->q[v][c] + (extra->q[v][c] + dt * du->q[v][c]));
        }
}

static int start_of(int n, int parts, int c) { return c * (n / parts) + (c < n % parts ? c : n % parts); }
static int size_of(int n, int parts, int c) { return n / parts + (c < n % parts ? 1 : 0); }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int nx = argc > 1 ? atoi(argv[1]) : 256, ny = argc > 2 ? atoi(argv[2]) : 256;
    double t_end = argc > 3 ? atof(argv[3]) : 0.2;
    int max_steps = argc > 4 ? atoi(argv[4]) : 1000000;
    int size, me;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    /* the same factorisation as the Java Decomposition.dims */
    int dims[2] = {size, 1};
    double best = 1e300;
    for (int px = 1; px <= size; px++) {
        if (size % px) continue;
        int py = size / px;
        if (px > nx || py > ny) continue;
        double cost = (double)nx / px + (double)ny / py;
        if (cost < best) { best = cost; dims[0] = px; dims[1] = py; }
    }
    int periods[2] = {0, 1}, coords[2];
    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 0, &cart);
    MPI_Comm_rank(cart, &me);
    MPI_Cart_coords(cart, me, 2, coords);
    int src, dst;
    MPI_Cart_shift(cart, 0, 1, &src, &dst); nb[0] = src; nb[1] = dst;
    MPI_Cart_shift(cart, 1, 1, &src, &dst); nb[2] = src; nb[3] = dst;
    for (int s = 0; s < 4; s++) nb[s] = nb[s] == MPI_PROC_NULL ? -1 : nb[s] == me ? -2 : nb[s];
    int x0 = start_of(nx, dims[0], coords[0]), y0 = start_of(ny, dims[1], coords[1]);
    field u = make(size_of(nx, dims[0], coords[0]), size_of(ny, dims[1], coords[1]));
    field st = make(u.nx, u.ny), w = make(u.nx, u.ny), du = make(u.nx, u.ny);
    for (int s = 0; s < 4; s++) { sbuf[s] = malloc(sizeof(double) * VARS * NG * len(&u, s)); rbuf[s] = malloc(sizeof(double) * VARS * NG * len(&u, s)); }
    fx = malloc(sizeof(double) * 4 * (u.nx + 1));
    for (int k = 0; k < 4; k++) { gb[k] = malloc(sizeof(double) * u.nx); gt[k] = malloc(sizeof(double) * u.nx); }
    double dx = 1.0 / nx, dy = 1.0 / ny;
    for (int j = 0; j < u.ny; j++)
        for (int i = 0; i < u.nx; i++) {
            double x = (x0 + i + 0.5) * dx;
            int left = x < 0.5, c = at(&u, i, j);
            double r = left ? 1.0 : 0.125, p = left ? 1.0 : 0.1;
            u.q[0][c] = r; u.q[1][c] = r * 0.0; u.q[2][c] = r * 0.0; u.q[3][c] = energy(r, 0.0, 0.0, p);
        }
    double t = 0.0;
    int step = 0;
    MPI_Barrier(cart);
    double t0 = MPI_Wtime();
    while (t < t_end && step < max_steps) {
        primitives(&u, &w, 0, u.nx, 0, u.ny);
        double fastest = 0.0;
        for (int j = 0; j < u.ny; j++)
            for (int i = 0; i < u.nx; i++) {
                int c = at(&w, i, j);
                double a = sound(w.q[0][c], w.q[3][c]);
                double s = (fabs(w.q[1][c]) + a) / dx + (fabs(w.q[2][c]) + a) / dy;
                fastest = fmax(fastest, s);
            }
        double local = fastest == 0.0 ? 1.7976931348623157e308 : CFL / fastest, dt;
        MPI_Allreduce(&local, &dt, 1, MPI_DOUBLE, MPI_MIN, cart);
        dt = fmin(dt, t_end - t);
        residual(&u, &w, &du, dx, dy);
        combine(&st, &u, NULL, &du, dt);
        residual(&st, &w, &du, dx, dy);
        combine(&u, &u, &st, &du, dt);
        t += dt;
        step++;
    }
    double loop = MPI_Wtime() - t0, slowest;
    MPI_Reduce(&loop, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, cart);
    /* gather the field to rank 0 in global order for the checksum */
    int n = u.nx * u.ny, head = 4;
    double *blk = malloc(sizeof(double) * (head + VARS * n));
    blk[0] = x0; blk[1] = y0; blk[2] = u.nx; blk[3] = u.ny;
    for (int v = 0, k = head; v < VARS; v++) for (int j = 0; j < u.ny; j++, k += u.nx) memcpy(blk + k, u.q[v] + at(&u, 0, j), sizeof(double) * u.nx);
    if (me != 0) {
        MPI_Send(blk, head + VARS * n, MPI_DOUBLE, 0, 7, cart);
    } else {
        double *g[VARS];
        for (int v = 0; v < VARS; v++) g[v] = malloc(sizeof(double) * nx * ny);
        double *in = malloc(sizeof(double) * (head + VARS * (size_t)(nx / dims[0] + 1) * (ny / dims[1] + 1)));
        for (int r = 0; r < size; r++) {
            double *b = blk;
            if (r != 0) { MPI_Status st2; MPI_Recv(in, head + VARS * (nx / dims[0] + 1) * (ny / dims[1] + 1), MPI_DOUBLE, MPI_ANY_SOURCE, 7, cart, &st2); b = in; }
            int bx = (int)b[0], by = (int)b[1], bnx = (int)b[2], bny = (int)b[3];
            for (int v = 0, k = head; v < VARS; v++) for (int j = 0; j < bny; j++, k += bnx) memcpy(g[v] + (size_t)(by + j) * nx + bx, b + k, sizeof(double) * bnx);
        }
        uint64_t h = 0xcbf29ce484222325ULL;
        for (int v = 0; v < VARS; v++)
            for (size_t k = 0; k < (size_t)nx * ny; k++) {
                uint64_t bits; memcpy(&bits, &g[v][k], 8);
                for (int b = 0; b < 8; b++) { h ^= (bits >> (8 * b)) & 0xff; h *= 0x100000001b3ULL; }
            }
        printf("ranks=%d nx=%d ny=%d steps=%d time=%.17g loop_s=%.6f cell_updates_per_s=%.6e checksum=%016llx\n",
               size, nx, ny, step, t, slowest, (double)nx * ny * step / slowest, (unsigned long long)h);
    }
    MPI_Finalize();
    return 0;
}
