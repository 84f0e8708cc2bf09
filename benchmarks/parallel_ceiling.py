"""How much parallel speed-up can this machine give at all?

Runs the same pure-Python CPU loop once in one process, then twice at once in
two processes, and prints the throughput ratio. On a machine with two real
cores it is close to 2.0; a virtual machine whose vCPUs share a physical core,
or a cgroup/autogroup limit, shows less. Compare it with the ``--jobs 2``
speed-up of ``bench_score.py``: that one cannot exceed this ceiling.

    python benchmarks/parallel_ceiling.py
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time


def spin(n: int = 30_000_000) -> float:
    t = time.perf_counter()
    s = 0
    for i in range(n):
        s += i
    return time.perf_counter() - t


def main() -> None:
    spin(1_000_000)
    one = min(spin() for _ in range(2))
    with mp.Pool(2) as pool:
        t = time.perf_counter()
        pool.map(spin, [30_000_000, 30_000_000])
        two = time.perf_counter() - t
    print(f"cores reported: {os.cpu_count()}; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"one loop alone: {one:.2f} s; two loops in two processes: {two:.2f} s")
    print(f"parallel ceiling (throughput of 2 processes / 1): {2 * one / two:.2f}x")


if __name__ == "__main__":
    main()
