# the statement form of launch is the keyword call with the same arguments
space = nb201()
ev = nb201(dataset: "cifar10")
r = launch evolution(population: 10, sample: 3) on space using ev budget 30 seed 4
k = launch(evolution(population: 10, sample: 3), on: space, using: ev, budget: 30, seed: 4)
wait();
print(r.id, k.id, (r.trials | sort trial).arch == (k.trials | sort trial).arch)   # expect: 1 2 true
t = launch "random" on space using ev budget 2000s
wait(t);
print(t.budget)                 # expect: 2000s simulated
