"""Timing helpers shared by the PyTorch sides of the benches (bench_torch.py, darts_nb201_torch.py)."""
import resource
import time


def timings(repeats, body):
    """Wall times of `repeats` runs of `body` after one warm-up run."""
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return times


def peak_rss_mb():
    """The process's peak resident set so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
