# every strategy of the catalogue, as a value and in a short run on the NB201 table
space = nb201()
ev = nb201(dataset: "cifar10")
print(evolution(population: 20, sample: 5))     # expect: evolution(population: 20, sample: 5, screening: 1)
print(evolution())                              # expect: evolution(population: 10, sample: 3, screening: 1)
print(type(random()), random().name)            # expect: strategy random
print(reinforce().settings.hidden)              # expect: 32
for s in [random(), grid(), evolution(), tournament(), reinforce(), ppo(), local_search(), qlearning(), bananas(epochs: 20), tpe(),
          successive_halving(min_epochs: 12), hyperband(min_epochs: 12), bohb(min_epochs: 12)] {
  r = launch(s, on: space, using: ev, budget: 25, seed: 2)
  wait(r);
  rows = list(r.trials)
  m = max(map(rows, fn(t) { t.accuracy }))
  assert r.status == "done" and len(rows) == 25, s.name
  assert best(r).accuracy == m, s.name
}
print(len(runs()))                              # expect: 13
# grid search proposes the members of the space once each, in the space's enumeration order
g = run(2)
members = enumerate(space, table: true) | take 25
print((g.trials | sort trial).arch == members.arch)   # expect: true
# multi-fidelity strategies ask for lower fidelities: on NB201 those rungs are looked up at 12 epochs
hb = run(12)
print(hb.strategy, len(hb.trials | where fidelity_epochs == 12) > 0)   # expect: hyperband true
