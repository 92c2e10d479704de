# convergence and option_frequencies: what independent searches on the NB201 200-epoch table end with
s = nb201()
ev = nb201(dataset: "cifar10")
runs = simulate(evolution(population: 10, sample: 3), on: s, using: ev, budget: 20000s, seeds: 10)
c = convergence(runs, space: s)
c                                               # expect: {n: 10, distinct: 10, identities: 10, similarity: 0.251852}
assert c.similarity >= 0 and c.similarity <= 1 and c.identities <= c.distinct and c.distinct <= c.n, "bounds"
# every option of every decision is listed; per decision the counts sum to n and the frequencies to 100%
f = option_frequencies(runs, space: s)
print(f.columns, len(f))                        # expect: ["decision", "option", "count", "frequency"] 30
sums = f | group by decision summarize n: sum(count), total: sum(frequency)
print(sums.n)                                   # expect: [10, 10, 10, 10, 10, 10]
print(map(sums.total, fn(x) { round(x, 9) == 1 }))   # expect: [true, true, true, true, true, true]
f | where decision == "edge_1_0"
# expect: decision  option        count  frequency
# expect: --------  ------------  -----  ---------
# expect: edge_1_0  none              2        20%
# expect: edge_1_0  skip_connect      1        10%
# expect: edge_1_0  nor_conv_1x1      1        10%
# expect: edge_1_0  nor_conv_3x3      5        50%
# expect: edge_1_0  avg_pool_3x3      1        10%
# similarity is the mean over pairs of the fraction of equal edges: a plain loop over the pairs agrees
archs = map(runs.arch, fn(text) { arch(s, text) })
total = 0
pairs = 0
for i in range(10) {
  for j in range(i + 1, 10) {
    total = total + len(filter(range(6), fn(k) { archs[i].tokens[k] == archs[j].tokens[k] })) / 6
    pairs = pairs + 1
  }
}
print(round(total / pairs - c.similarity, 12) == 0)   # expect: true
# the same seed three times: one architecture, similarity 1, each chosen option at 100%
same = simulate(evolution(population: 10, sample: 3), on: s, using: ev, budget: 20000s, seeds: [7, 7, 7])
convergence(same, space: s)                     # expect: {n: 3, distinct: 1, identities: 1, similarity: 1}
print(len(option_frequencies(same, space: s) | where frequency == 100%))   # expect: 6
# uniform samples agree on about 1/5 of the edges; a list of architectures needs no space:
u = convergence(sample(s, n: 1000, seed: 4))
print(u.n, round(u.similarity, 3))              # expect: 1000 0.2
# launched runs count by their best architecture, read in space:
r1 = launch(evolution(population: 10, sample: 3), on: s, using: ev, budget: 20, seed: 1)
r2 = launch(evolution(population: 10, sample: 3), on: s, using: ev, budget: 20, seed: 1)
wait();
convergence([r1, r2], space: s)                 # expect: {n: 2, distinct: 1, identities: 1, similarity: 1}
