"""Timing helpers shared by the benchmark groups."""

import time


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_calls(call, times) -> list[float]:
    """Milliseconds of each of `times` calls of `call(index)`."""
    samples = []
    for index in range(times):
        start = time.perf_counter()
        call(index)
        samples.append((time.perf_counter() - start) * 1000)
    return samples
