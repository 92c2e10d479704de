# # Searching NAS-Bench-201: a report to send
#
# This script is written to be read as a notebook. Run it with
# `scripts/naslab run samples/13-notebook.nas --notebook report.html` (or `report.ipynb`,
# `report.md`): each statement becomes a numbered cell with its output, tables stay tables,
# plots are drawn as SVG, and these comments become the prose between them.
#
# Three search strategies look for a good cell in NAS-Bench-201's space (15,625 cells) on
# CIFAR-10, using the benchmark's table instead of training: each trial reads a cell's
# **12-epoch validation accuracy** and pays its recorded training time on a simulated clock,
# and each run stops after 20,000 simulated seconds (the NATS-Bench protocol). One run of a
# stochastic search says little, so every strategy runs with five seeds.

space = nb201()
ev = nb201(dataset: "cifar10")
strategies = [random(), evolution(population: 10, sample: 3), reinforce(lr: 0.01)]

# ## Best so far, over five seeds
# `simulate(…, trials: true)` runs the searches in memory and keeps every trial with the
# simulated clock and the best accuracy found so far. Each line is a strategy's mean over its
# seeds; the shaded band spans its worst seed to its best.
rows = []
for s in strategies {
  name = s.name
  t = simulate(s, on: space, using: ev, budget: 20000s, seeds: 5, epochs: 12, trials: true)
  rows = rows + list(t | extend strategy: name | select strategy, seed, trial, clock, best)
}
trials = table(rows)
trials | plot x: clock, y: best, by: strategy, band: seed, title: "Best 12-epoch validation accuracy so far"

# ## What each run reached
# One row per run: how many trials fit in the budget and the best accuracy it found. Then the
# mean per strategy, as a table and as a bar chart.
runs = trials | group by strategy, seed summarize trials: count(), best: max(best)
per_strategy = runs | group by strategy summarize runs: count(), trials: mean(trials), best: mean(best), worst: min(best)
per_strategy
per_strategy | plot x: strategy, y: best, title: "Mean best accuracy after 20,000 simulated seconds"

# ## Accuracy against latency on a Raspberry Pi 4
# HW-NAS-Bench measured every cell of the space on real devices. Joining its Raspberry Pi 4
# latencies with the accuracy table gives the trade-off a deployment faces; the Pareto front
# marks the cells no other cell beats on both counts.
c10 = bench_table("nb201", dataset: "cifar10")
pi = latency(latency(device: "raspi4")) | extend pi_latency: latency | select arch, pi_latency
cells = c10 | join pi on arch | select index, arch, accuracy, pi_latency
cells | plot x: pi_latency, y: accuracy, front: true, title: "200-epoch validation accuracy against Raspberry Pi 4 latency"
front = cells | pareto accuracy max, pi_latency min
print(len(front), "cells are on the front; the fastest and the most accurate:")
front | sort pi_latency | select index, accuracy, pi_latency | take 8

# ## How accuracy is spread over the space
# Most cells train well; a long tail of cells built mostly from `none` and `skip_connect`
# edges does not.
cells | plot x: accuracy, bins: 30, title: "200-epoch validation accuracy of all 15,625 cells"
assert len(cells) == 15625, "every cell has a Raspberry Pi 4 latency"
