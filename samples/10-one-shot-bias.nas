# # How far can weight sharing be trusted? Supernet estimates against stand-alone training
#
# A one-shot supernet scores any architecture in a fraction of a second with inherited weights,
# but the weights were trained for all architectures at once, which biases the ranking (the NAS
# survey's main worry about one-shot methods). Here a single-path one-shot supernet (Guo et al.
# 2020: one uniformly drawn architecture per batch) is trained on the digits; then 20 random
# NB201 cells are scored both by the supernet and by training each from scratch with the same
# recipe, and the two rankings are compared with Kendall's τ and Spearman's ρ.

# ## Data and space: sklearn's 8×8 digits; NB201's cell at 8 channels, one cell per stage
data = dataset("digits", seed: 1)
space = nb201(channels: 8, cells: 1)

# ## The supernet: 8 epochs of uniform path sampling (one trial per epoch: a random cell)
r = launch(spos(), on: space, using: train(data, epochs: 8, batch: 32, lr: 0.1), budget: 8, seed: 1)
wait(r)
show trials(r) | select trial, arch, accuracy, train_loss

# ## 20 cells, two estimates each
cells = sample(space, n: 20, seed: 3)
standalone = train(data, epochs: 3, batch: 32, lr: 0.1)
c = correlate(supernet(r), standalone, cells, pairs: true)
show c.pairs | sort b desc
print("Kendall tau", round(c.tau, 3), " Spearman rho", round(c.rho, 3), " over", c.n, "cells")

# ## The same question on published numbers: 12-epoch against 200-epoch NAS-Bench-201
# A cheap proxy that ranks well is what makes a search cheap; the 12-epoch table's τ over the
# same cells is a yardstick for the supernet's.
# (The table holds the benchmark's own skeleton, 16 channels and 5 cells: the same cells, read in it.)
bench_cells = map(cells, fn(a) { arch(nb201(), str(a)) })
y = correlate(nb201(dataset: "cifar10", epochs: 12), nb201(dataset: "cifar10"), bench_cells)
print("NB201 12 vs 200 epochs: tau", round(y.tau, 3))

# ## What holds on any machine
assert c.n == 20, "every cell was scored by both"
assert c.tau >= -1 and c.tau <= 1 and c.rho >= -1 and c.rho <= 1, "rank correlations lie in [-1, 1]"
assert y.tau > 0.4, "12-epoch NB201 ranks these cells much like 200 epochs"
