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
# simulated clock and the best accuracy found so far. Each run is read off at the same
# checkpoints, every 1,000 simulated seconds; each line is then a strategy's mean over its
# seeds, and the shaded band spans its worst seed to its best. The plot starts at 2,000 s, so
# that the first trials' low accuracies do not squash the scale.
checkpoints = map(range(2, 21), fn(k) { k * 1000s })
fn read_off(t, k) {
  rows = list(t | where seed == k | sort trial)
  i = 0
  best = 0%
  curve = []
  for c in checkpoints {
    while i < len(rows) and rows[i].clock <= c {
      best = rows[i].best
      i = i + 1
    }
    curve = append(curve, {seed: k, clock: c, best: best})
  }
  return curve
}
points = []
trials = []
for s in strategies {
  name = s.name
  t = simulate(s, on: space, using: ev, budget: 20000s, seeds: 5, epochs: 12, trials: true)
  trials = trials + list(t | extend strategy: name | select strategy, seed, trial, best)
  for k in range(1, 6) {
    points = points + list(table(read_off(t, k)) | extend strategy: name)
  }
}
table(points) | plot x: clock, y: best, by: strategy, band: seed, title: "Best accuracy so far (5 seeds)"

# ## What each run reached
# One row per run: how many trials fit in the budget and the best accuracy it found, then the
# mean per strategy. The strategies that learn pick larger cells, which cost more simulated
# training time each, so fewer trials fit in their budget: the bar chart counts them.
runs = table(trials) | group by strategy, seed summarize trials: count(), best: max(best)
per_strategy = runs | group by strategy summarize runs: count(), trials: mean(trials), best: mean(best), worst: min(best)
per_strategy
per_strategy | plot x: strategy, y: trials, title: "Trials in 20,000 simulated seconds (mean of 5 seeds)"

# ## Accuracy against latency on a Raspberry Pi 4
# HW-NAS-Bench measured every cell of the space on real devices. Joining its Raspberry Pi 4
# latencies with the accuracy table gives the trade-off a deployment faces; the Pareto front
# marks the cells no other cell beats on both counts. The plot keeps the cells that train
# (above 70%); the few hundred below are the subject of the last section.
c10 = bench_table("nb201", dataset: "cifar10")
pi = latency(latency(device: "raspi4")) | extend pi_latency: latency | select arch, pi_latency
cells = c10 | join pi on arch | select index, arch, accuracy, pi_latency
trained = cells | where accuracy > 70%
trained | plot x: pi_latency, y: accuracy, front: true, title: "200-epoch validation accuracy against Raspberry Pi 4 latency"
front = trained | pareto accuracy max, pi_latency min
print(len(front), "of", len(trained), "cells are on the front; from the fastest:")
front | sort pi_latency | select index, accuracy, pi_latency | take 10

# ## How accuracy is spread over the space
# Most cells train to between 80% and 92%. A few hundred stay near 10%, chance on CIFAR-10's ten
# classes: cells whose `none` edges cut every path from the input to the output learn nothing.
cells | plot x: accuracy, bins: 30, title: "200-epoch validation accuracy of all 15,625 cells"
assert len(cells) == 15625, "every cell has a Raspberry Pi 4 latency"

# ## Taking the best cell out of naslab
# The fastest cell on the front above 90% leaves for PyTorch and ONNX: a readable `nn.Module`
# with its weights beside it (`.safetensors`), and an ONNX model any runtime loads. Both compute
# what naslab's inference computes (the export tests check it against onnxruntime and PyTorch).
# The weights are naslab's seeded initial ones here; `export(a, …, train: ev)` writes trained ones.
pick = front | where accuracy > 90% | sort pi_latency | take 1
a = arch(nb201(), pick.arch[0])
out = workspace() + "/export"
save(a, out + "-cell.txt")
export(a, out + "-cell.py", seed: 1)
export(a, out + "-cell.onnx", seed: 1)
