# # Hardware-aware search: the MnasNet reward on NAS-Bench-201 with Pixel 3 latency
#
# MnasNet (Tan et al., CVPR 2019) folds latency into one reward, ACC(m) · (LAT(m)/T)^w:
# - soft (w = -0.07 on both sides of the target T): every 2× latency costs about 5% of
#   reward, so the search trades accuracy for speed smoothly;
# - hard (w = 0 under T, -1 over it): accuracy alone counts under the target, and a cell
#   twice as slow as T loses half its reward.
# Accuracy comes from the NB201 table and latency from HW-NAS-Bench's Pixel 3 table: the run
# asks both evaluators about every cell (`using: [acc, lat]`).

space = nb201()
acc = nb201(dataset: "cifar10")
lat = latency("pixel3")
T = 8ms

soft = launch(evolution(population: 20, sample: 5), on: space, using: [acc, lat], budget: 400, seed: 1,
              objective: mnasnet_reward(target: T))
hard = launch(evolution(population: 20, sample: 5), on: space, using: [acc, lat], budget: 400, seed: 1,
              objective: mnasnet_reward(target: T, hard: true))
plain = launch(evolution(population: 20, sample: 5), on: space, using: [acc, lat], budget: 400, seed: 1)
wait();

# ## What each reward picked
picked = []
for pair in [["soft", soft], ["hard", hard], ["accuracy only", plain]] {
  b = best(pair[1])
  picked = append(picked, {reward: pair[0], accuracy: b.accuracy, latency: b.latency, score: b.score, arch: b.arch})
}
table(picked)
s = best(soft)
h = best(hard)
p = best(plain)
assert h.latency <= T, "the hard reward keeps the pick under the target"
assert s.latency < p.latency, "the soft reward gives up some accuracy for a faster cell"
assert p.accuracy >= s.accuracy and p.accuracy >= h.accuracy, "accuracy alone picks the most accurate"

# ## The reward, recomputed here from its formula
fn reward(a, l, alpha, beta) {
  w = beta
  if l <= T { w = alpha }
  return a * (l / T) ** w
}
assert abs(s.score - reward(s.accuracy, s.latency, -0.07, -0.07)) < 1e-12
assert abs(h.score - reward(h.accuracy, h.latency, 0, -1)) < 1e-12

# ## The accuracy/latency Pareto front of every cell the three searches evaluated
# (isomorphic cells, the same network written differently, count once: they share an identity)
everything = trials() | where status == "done" | group by identity summarize accuracy: max(accuracy), latency: min(latency)
front = everything | pareto(x: "latency", y: "accuracy")
front | select latency, accuracy
# The soft reward's pick is on the front: its reward grows with accuracy and shrinks with
# latency, so no evaluated cell can beat it on both.
assert len(front | where identity == s.identity) == 1, "the soft reward's best cell is Pareto-optimal"

# ## And the true front of all 15,625 cells, from the tables (an exhaustive query)
# (the pareto verb: `| pareto COLUMN min|max, COLUMN min|max`; the pareto() function above is the same)
cells = bench_table("nb201", dataset: "cifar10") | select arch, accuracy
lat_rows = latency(lat) | extend pixel3: latency | select arch, pixel3
true_front = cells | join lat_rows on arch | pareto pixel3 min, accuracy max
print("cells on the true front:", len(true_front), "- on the searches' front:", len(front), "of", len(everything), "distinct cells evaluated")
fastest_good = true_front | where accuracy >= s.accuracy | take 1
print("the fastest cell at least as accurate as the soft pick:", fastest_good.pixel3[0], fastest_good.accuracy[0])
assert fastest_good.pixel3[0] <= s.latency, "the exhaustive front is never beaten by a search"
