"""Anchor for benchmarks/farm-scaling: the same job as configs/bench/cpu.yaml (N tasks
that each use MS milliseconds of their thread's CPU time) through mpi4py.futures.MPIPoolExecutor,
one worker per MPI rank but the first. Prints the wall time of the tasks.

    mpiexec -n WORKERS+1 python3 -m mpi4py.futures farm_cpu_mpi4py.py N MS WARM
"""
import sys
import time

from mpi4py.futures import MPIPoolExecutor


def burn_cpu(ms):
    """Busy until this thread has used MS of CPU time (the farm's `cpu` task)."""
    end = time.thread_time() + ms / 1000
    loops = 0
    while time.thread_time() < end:
        loops += 1
    return loops


def main():
    n, ms, warm = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    with MPIPoolExecutor() as pool:
        list(pool.map(burn_cpu, [ms] * warm))  # warm-up, as the farm's: every worker started
        start = time.perf_counter()
        for f in [pool.submit(burn_cpu, ms) for _ in range(n)]:
            f.result()
        elapsed = time.perf_counter() - start
    print(f"tasks={n} seconds={elapsed:.4f}")


if __name__ == "__main__":
    main()
