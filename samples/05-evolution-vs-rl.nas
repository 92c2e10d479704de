# # Random search vs regularised evolution vs REINFORCE on NAS-Bench-201
#
# The NATS-Bench protocol on CIFAR-10: each strategy searches with the 12-epoch validation
# accuracy (`epochs: 12`), pays the table's recorded training time on a simulated clock, and
# stops after 20,000 simulated seconds; the architecture it picks is then judged by its
# 200-epoch test accuracy. Several seeds per strategy, because one run of a stochastic search
# says little: four launched runs each (recorded in the store, with best-so-far curves), then a
# hundred each in memory with `simulate`.

space = nb201()
ev = nb201(dataset: "cifar10")
seeds = [1, 2, 3, 4]
strategies = [random(), evolution(population: 10, sample: 3), reinforce(lr: 0.01)]

runs_of = {}
for s in strategies {
  rs = []
  for seed in seeds {
    rs = append(rs, launch(s, on: space, using: ev, budget: 20000s, seed: seed, epochs: 12))
  }
  runs_of[s.name] = rs
}
wait();

# ## Best-so-far curves
# For each run, the best 12-epoch validation accuracy found by each point of the simulated
# clock; then the mean over seeds.
checkpoints = [1000s, 2000s, 5000s, 10000s, 15000s, 20000s]
fn best_so_far(r) {
  rows = list(r.trials | where status == "done" | sort trial | select sim_time, accuracy)
  clock = 0s
  best = 0%
  curve = []
  i = 0
  for t in checkpoints {
    while i < len(rows) and clock + rows[i].sim_time <= t {
      clock = clock + rows[i].sim_time
      best = max(best, rows[i].accuracy)
      i = i + 1
    }
    curve = append(curve, best)
  }
  return curve
}
curves = []
for s in strategies {
  per_seed = map(runs_of[s.name], best_so_far)
  row = {strategy: s.name}
  for k in range(len(checkpoints)) {
    row[str(checkpoints[k])] = mean(map(per_seed, fn(c) { c[k] }))
  }
  curves = append(curves, row)
}
table(curves)

# ## The architectures picked, judged by their 200-epoch test accuracy
final = []
for s in strategies {
  for r in runs_of[s.name] {
    b = best(r)
    test200 = evaluate(ev, arch(space, b.arch)).test_accuracy
    final = append(final, {strategy: s.name, seed: r.seed, trials: len(r.trials), valid12: b.accuracy, test200: test200})
  }
}
results = table(final)
summary = results | group by strategy summarize runs: count(), trials: mean(trials), valid12: mean(valid12), test200: mean(test200), test_std: std(test200)
summary

mean_of = fn(name) { (summary | where strategy == name).test200[0] }
print("evolution", mean_of("evolution"), "random", mean_of("random"), "reinforce", mean_of("reinforce"))
assert mean_of("evolution") >= mean_of("random"), "regularised evolution should not lose to random search on average"

# ## A hundred seeds, in memory
# `simulate` runs the same searches without the store: one run per seed, each trial read straight
# from the table, and one row per run with the architecture it chose. On the table a hundred runs
# of a strategy take milliseconds, so the comparison above can be repeated with 100 seeds each.
ev_test200 = nb201(dataset: "cifar10", metric: "test")
many = []
for s in strategies {
  chosen = simulate(s, on: space, using: ev, budget: 20000s, seeds: 100, epochs: 12)
  tests = map(list(chosen), fn(row) { evaluate(ev_test200, arch(space, row.arch)).accuracy })
  many = append(many, {strategy: s.name, runs: len(tests), trials: mean(chosen.trials), valid12: mean(chosen.accuracy),
                       test200: mean(tests), test_std: std(tests)})
}
hundred = table(many)
hundred

mean100 = fn(name) { (hundred | where strategy == name).test200[0] }
assert mean100("evolution") > mean100("random"), "over 100 seeds, regularised evolution should beat random search"
