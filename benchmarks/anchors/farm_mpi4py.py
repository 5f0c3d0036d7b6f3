"""Anchor for benchmarks/farm-throughput: the same job (N empty tasks, one master and
two workers) through mpi4py.futures.MPIPoolExecutor. Prints tasks per second.

    mpiexec -n 3 python3 -m mpi4py.futures farm_mpi4py.py N
"""
import sys
import time

from mpi4py.futures import MPIPoolExecutor


def noop(i):
    return None


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with MPIPoolExecutor() as pool:
        # warm-up: start the workers and the pickling paths before timing
        list(pool.map(noop, range(100)))
        start = time.perf_counter()
        futures = [pool.submit(noop, i) for i in range(n)]
        for f in futures:
            f.result()
        elapsed = time.perf_counter() - start
    print(f"tasks={n} seconds={elapsed:.4f} tasks_per_s={n / elapsed:.0f}")


if __name__ == "__main__":
    main()
