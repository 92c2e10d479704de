# correlate: how alike two evaluators rank the same architectures (Kendall tau-b, Spearman rho).
# The figures were checked independently with SciPy 1.17.1 on the shipped tables, decoded by
# scripts/reference/nb201_rank_correlation.py (its own NCS1 reader):
#   the 200 cells below (indices from `a.index`): tau 0.71726016668232351, rho 0.87248757574521851;
#   all 15,625 cells: tau 0.64868129768733518, rho 0.82261923702795037;
#   `--zero-cost synflow`, NASLib's 491 cells: tau 0.5472568974330787, rho 0.7413478283264533.
s = nb201()
ev12 = nb201(dataset: "cifar10", epochs: 12)
ev200 = nb201(dataset: "cifar10")
archs = sample(s, n: 200, seed: 1)
c = correlate(ev12, ev200, archs)
print(c.n, round(c.tau, 6), round(c.rho, 6))   # expect: 200 0.71726 0.872488
assert c.tau > 0.6 and c.tau < 0.8 and c.rho > c.tau, "12 epochs rank NB201 cells much like 200 epochs do, not perfectly"
# an evaluator agrees with itself; the order of the two evaluators does not matter
correlate(ev200, ev200, archs)                  # expect: {n: 200, tau: 1, rho: 1}
d = correlate(ev200, ev12, archs)
print(d.tau == c.tau and d.rho == c.rho)        # expect: true
# the whole table: a table's arch column is read in space:
all = correlate(ev12, ev200, bench_table("nb201"), space: s)
print(all.n, round(all.tau, 6), round(all.rho, 6))   # expect: 15625 0.648681 0.822619
# pairs: true adds each architecture's two scores, which are what evaluate() gives
p = correlate(ev12, ev200, sample(s, n: 3, seed: 2), pairs: true).pairs
print(p.columns, len(p))                        # expect: ["arch", "a", "b"] 3
print(p.a[0] == evaluate(ev12, arch(s, p.arch[0])).accuracy, p.b[2] == evaluate(ev200, arch(s, p.arch[2])).accuracy)   # expect: true true
# two metrics: the 200-epoch validation accuracy against the test accuracy of the same runs
t = correlate(ev200, ev200, archs, metric: ["accuracy", "test_accuracy"])
assert t.tau > c.tau, "validation and test accuracy after 200 epochs agree better than 12 and 200 epochs"
# a zero-cost proxy against the table: NASLib's scores through a benchmark(csv:) evaluator, over its own cells
zc = zero_cost(dataset: "cifar10")
path = "/tmp/naslab-golden-analysis-correlate.csv"
zc | select arch, synflow, accuracy | save(path);
proxy = benchmark(csv: path, space: s, key: "arch", metrics: ["synflow", "accuracy"])
z = correlate(proxy, ev200, zc, metric: ["synflow", "accuracy"], space: s)
print(z.n, round(z.tau, 6), round(z.rho, 6))    # expect: 491 0.547257 0.741348
# against NASLib's own accuracy it is the correlations() row, which is checked against SciPy
own = correlate(proxy, proxy, zc, metric: ["synflow", "accuracy"], space: s)
row = correlations() | where proxy == "synflow"
print(own.tau == row.kendall[0], own.rho == row.spearman[0])   # expect: true true
