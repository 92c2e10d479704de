# simulate: one in-memory run per seed on the NB201 table, checked against direct lookups, a store run and plain loops
space = nb201()
ev12 = nb201(dataset: "cifar10", epochs: 12)
t = simulate(random(), on: space, using: ev12, budget: 20000s, seeds: [3, 4], trials: true)
print(type(t), t.columns)                                # expect: table ["seed", "trial", "arch", "epochs", "accuracy", "valid_accuracy", "test_accuracy", "params", "train_time", "score", "best", "sim_time", "clock"]
rows = list(t)
# every trial holds what a direct lookup in the 12-epoch table gives for its architecture
for row in rows {
  e = evaluate(ev12, arch(space, row.arch))
  assert e.accuracy == row.accuracy and e.test_accuracy == row.test_accuracy and e.train_time == row.sim_time, "trial " + str(row.trial)
}
# best is the running maximum and clock the running sum of sim_time, per seed (a plain loop here)
best = 0%
clock = 0s
seed = -1
for row in rows {
  if row.seed != seed { seed = row.seed; best = 0%; clock = 0s }
  best = max(best, row.accuracy)
  clock = clock + row.sim_time
  assert row.best == best and round(row.clock - clock, 6) == 0s, "seed " + str(row.seed) + " trial " + str(row.trial)
}
# random search ignores scores, so a store run of the same seed proposes the same architectures in the same order
r = launch(random(), on: space, using: ev12, budget: 20000s, seed: 3)
wait(r)                                                  # expect: run 1 done: 178 trials, 20030.777s/20000s simulated, best accuracy 83.6%, 24 cached
stored = list(r.trials | sort trial | select arch)
mine = list(t | where seed == 3 | select arch)
print(len(stored), len(mine), stored == mine)            # expect: 178 178 true
# one row per seed: the architecture chosen is the best trial of that seed's run
s = simulate(random(), on: space, using: ev12, budget: 20000s, seeds: [3, 4])
print(s.seed, s.trials)                                  # expect: [3, 4] [178, 183]
for row in list(s) {
  top = t | where seed == row.seed | sort accuracy desc | take 1
  assert top.arch[0] == row.arch and top.accuracy[0] == row.accuracy, "seed " + str(row.seed)
}
# the same seeds give the same runs; epochs: 12 on the 200-epoch evaluator looks up the 12-epoch table
again = simulate(random(), on: space, using: nb201(dataset: "cifar10"), budget: 20000s, seeds: [3, 4], epochs: 12)
print(again.epochs, list(again | select seed, trials, arch, accuracy, sim_time) == list(s | select seed, trials, arch, accuracy, sim_time))   # expect: [12, 12] true
# seeds: n runs seeds 1..n
print(simulate(evolution(population: 10, sample: 3), on: space, using: ev12, budget: 2000s, seeds: 3).seed)   # expect: [1, 2, 3]
