# a table's results are cached by exact architecture: what the workspace evaluated before cannot change a run
space = nb201()
ev12 = nb201(dataset: "cifar10", epochs: 12)
warm = launch(random(), on: space, using: ev12, budget: 3000, seed: 1)
wait(warm)                                                # expect: run 1 done: 3000/3000 trials, best accuracy 84.44%, 262 cached
r = launch(reinforce(lr: 0.01), on: space, using: ev12, budget: 20000s, seed: 1)
wait(r)                                                   # expect: run 2 done: 178 trials, 20013.419s/20000s simulated, best accuracy 84.6%, 121 cached
# the same search in memory, with nothing cached, makes the same trials with the same results
fresh = simulate(reinforce(lr: 0.01), on: space, using: ev12, budget: 20000s, seeds: [1], trials: true)
print(list(r.trials | sort trial | select arch, accuracy, sim_time) == list(fresh | select arch, accuracy, sim_time))   # expect: true
# and every trial the cache answered holds its own architecture's row
cached = list(r.trials | where cached == true)
for t in cached { assert evaluate(ev12, arch(space, t.arch)).accuracy == t.accuracy, "trial " + str(t.trial) }
print(len(cached) > 100)                                  # expect: true
