"""Shared by the benchmark scripts: the machine's description, argument helpers, CSV
writing, and the time / speedup / efficiency plot against worker count."""
import csv
import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORES = os.cpu_count()


def arg(name, default):
    """The value after NAME on the command line, else DEFAULT."""
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def int_list(name, default):
    return [int(x) for x in arg(name, default).split(",")]


def machine():
    """Cores, memory and Java version, for the tables that print figures."""
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"cores": CORES, "memory_gib": round(mem_kb / 2**20, 1), "java": java,
            "os": platform.platform(), "cpu": cpu_model()}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


def plot_scaling(path, title, series, ranks_of, anchors=None):
    """Three panels (time, speedup, parallel efficiency) against worker count, with the ideal
    line, and the oversubscribed worker counts shaded. SERIES maps a label to a list of
    (workers, seconds); RANKS_OF(workers) is how many processes such a run uses (master
    included), to tell oversubscription. ANCHORS maps a label to the seconds of a reference
    that does not depend on workers (a horizontal line on the time panel). Returns False
    when matplotlib is missing."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("plots skipped: apt-get install python3-matplotlib")
        return False
    workers = sorted({w for pts in series.values() for w, _ in pts})
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for label, pts in series.items():
        pts = sorted(pts)
        base = dict(pts).get(1, pts[0][1] * pts[0][0])
        xs = [w for w, _ in pts]
        axes[0].plot(xs, [t for _, t in pts], "-o", label=label)
        axes[1].plot(xs, [base / t for _, t in pts], "-o", label=label)
        axes[2].plot(xs, [base / t / w for w, t in pts], "-o", label=label)
    for label, seconds in (anchors or {}).items():
        axes[0].axhline(seconds, ls="--", lw=1, color="grey")
        axes[0].annotate(label, (workers[0], seconds), textcoords="offset points", xytext=(2, 3), fontsize=7)
    axes[1].plot(workers, workers, "k-", lw=0.8, label="ideal")
    axes[2].plot(workers, [1] * len(workers), "k-", lw=0.8, label="ideal")
    over = [w for w in workers if ranks_of(w) > CORES]
    for ax, name in zip(axes, ["time (s)", "speedup", "parallel efficiency"]):
        ax.set_title(f"{title}: {name}")
        ax.set_xlabel("workers")
        ax.set_xscale("log", base=2)
        ax.set_xticks(workers)
        ax.set_xticklabels([str(w) for w in workers])
        if over:
            ax.axvspan(min(over) / 1.3, max(workers) * 1.3, color="grey", alpha=0.15,
                       label=f"oversubscribed (> {CORES} cores)")
    axes[0].set_yscale("log")
    axes[0].legend(fontsize=7)
    axes[2].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True
