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
# a store run of the same strategy and seed makes the same trials with the same results (a table's
# results are cached by exact architecture, so launch too scores every cell by its own row)
r = launch(random(), on: space, using: ev12, budget: 20000s, seed: 3)
wait(r)                                                  # expect: run 1 done: 178 trials, 20045.526s/20000s simulated, best accuracy 83.6%
stored = list(r.trials | sort trial | select arch, accuracy, sim_time)
mine = list(t | where seed == 3 | select arch, accuracy, sim_time)
print(len(stored), len(mine), stored == mine)            # expect: 178 178 true
e = launch(evolution(population: 10, sample: 3), on: space, using: ev12, budget: 20000s, seed: 5)
wait(e)                                                  # expect: run 2 done: 160 trials, 20054.098s/20000s simulated, best accuracy 84.28%, 16 cached
te = simulate(evolution(population: 10, sample: 3), on: space, using: ev12, budget: 20000s, seeds: [5], trials: true)
print(list(e.trials | sort trial | select arch, accuracy, sim_time) == list(te | select arch, accuracy, sim_time))   # expect: true
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
