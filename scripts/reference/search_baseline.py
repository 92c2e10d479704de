#!/usr/bin/env python3
"""Plain-Python regularised evolution on the NAS-Bench-201 table: the speed baseline for scripts/bench.d/search.sh.

The same algorithm and protocol as the Swift bench (Real et al. 2019 as in NATS-Bench's
regularized_ea.py): population 10, sample 3, one-edge mutation, search on the 12-epoch
validation accuracy, each trial charged the 12-epoch training time (the 200-epoch time x 12/200),
stop once 20,000 simulated seconds are spent; the run's answer is the trial with the best
searched accuracy, reported by its 200-epoch test accuracy. Written in plain Python (lists,
tuples, dicts, random): no numpy in the loop, the way such scripts are usually written.

Timing: the table is loaded once, outside the timed part (as the Swift side loads its tables
once); then `--batches` batches of `--runs` runs (seeds 0..runs-1) are timed in CPU time of this
process (time.process_time, which other processes' load inflates far less than wall time),
and the minimum and median per-run time over batches are printed.

Usage: search_baseline.py [--runs N] [--batches B] [--dataset c10|c100|in16] [--budget SECONDS] [--csv PATH]
Prints: per-run CPU time (ms, minimum and median over batches), and the mean/std of the chosen
architectures' test accuracy.
"""
import argparse
import collections
import csv
import random
import statistics
import time

OPS = 5
EDGES = 6


def load(path, tag):
    """Maps each architecture (a tuple of 6 op indices, in arch_str order) to (valid12, time12, test200)."""
    names = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
    table = {}
    valid_column = "c10_valid_val_acc_12ep" if tag == "c10" else f"{tag}_val_acc_12ep"
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ops = [part.split("~")[0] for part in row["arch_str"].replace("+", "").split("|") if part]
            arch = tuple(names.index(op) for op in ops)
            table[arch] = (float(row[valid_column]) / 100, float(row[f"{tag}_train_time_s"]) * 12 / 200,
                           float(row[f"{tag}_test_acc"]) / 100)
    return table


def mutate(arch, rng):
    """Changes one edge to a different op."""
    child = list(arch)
    edge = rng.randrange(EDGES)
    child[edge] = rng.choice([op for op in range(OPS) if op != child[edge]])
    return tuple(child)


def regularized_evolution(table, budget, rng, population_size=10, sample_size=3):
    """One run; returns the chosen architecture."""
    population = collections.deque()
    spent = 0.0
    best_arch, best_acc = None, -1.0
    while spent < budget:
        if len(population) < population_size:
            arch = tuple(rng.randrange(OPS) for _ in range(EDGES))
        else:
            sample = [population[rng.randrange(len(population))] for _ in range(sample_size)]
            parent = max(sample, key=lambda member: member[1])
            arch = mutate(parent[0], rng)
        acc, cost, _ = table[arch]
        spent += cost
        population.append((arch, acc))
        if len(population) > population_size:
            population.popleft()
        if acc > best_acc:
            best_arch, best_acc = arch, acc
    return best_arch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--dataset", default="c10")
    parser.add_argument("--budget", type=float, default=20000)
    parser.add_argument("--csv", default="/work/shared/data/nb201_merged.csv")
    args = parser.parse_args()
    start = time.perf_counter()
    table = load(args.csv, args.dataset)
    load_seconds = time.perf_counter() - start
    cpu_per_run, wall_per_run = [], []
    tests = []
    for _ in range(args.batches):
        tests = []
        cpu, wall = time.process_time(), time.perf_counter()
        for seed in range(args.runs):
            arch = regularized_evolution(table, args.budget, random.Random(seed))
            tests.append(table[arch][2])
        cpu_per_run.append((time.process_time() - cpu) / args.runs)
        wall_per_run.append((time.perf_counter() - wall) / args.runs)
    print(f"python_load_ms {load_seconds * 1e3:.1f}")
    print(f"python_rea_run_ms {min(cpu_per_run) * 1e3:.4f}  (CPU, minimum of {args.batches} batches of {args.runs} runs)")
    print(f"python_rea_run_ms_median {statistics.median(cpu_per_run) * 1e3:.4f}  (CPU)")
    print(f"python_rea_run_ms_wall {min(wall_per_run) * 1e3:.4f}  (wall, minimum)")
    print(f"python_rea_test_acc {statistics.mean(tests) * 100:.2f} {statistics.stdev(tests) * 100:.2f} runs={args.runs}")


if __name__ == "__main__":
    main()
