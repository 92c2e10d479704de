# DARTS on a small NAS-Bench-201 supernet, two epochs on the digits: one trial per epoch, α recorded
data = dataset("digits", train: 400, valid: 100, test: 100, seed: 1)
recipe = train(data, epochs: 2, batch: 32, lr: 0.05)
space = nb201(channels: 4, cells: 1)
r = launch(darts(), on: space, using: recipe, budget: 2, seed: 1)
wait(r);
t = trials(r)
print(len(t), t.epochs, t.cached)                          # expect: 2 [1, 2] [false, false]
# the weights of each edge after each epoch: 5 ops × 6 edges × 2 epochs, each edge's summing to 1
a = alphas(r)
print(len(a), a.columns)                                   # expect: 60 ["trial", "epoch", "edge", "op", "weight"]
e = a | where trial == 2 and edge == "edge_3_1"
print(len(e), abs(sum(e.weight) - 1) < 1e-6)               # expect: 5 true
# the derived cell takes the strongest op other than none on every edge
print("none" in best(r).arch)                              # expect: false
# the trained supernet is an evaluator that any strategy can search with
sn = supernet(r)
q = launch(random(), on: space, using: sn, budget: 4, seed: 2)
wait(q);
print(len(trials(q)), min(trials(q).accuracy) >= 0)        # expect: 4 true
