# grow(...) hill-climbs over function-preserving network morphisms (widen, deepen, branch) with
# short training (NASH) and returns one row per step. Tiny settings keep this fast.
d = dataset("digits", train: 600, valid: 200, test: 200, seed: 1)
t = grow(d, steps: 2, neighbours: 2, epochs: 1, width: 4, batch: 50, lr: 0.1, threads: 1, seed: 1)
print(type(t), len(t))                  # expect: table 3
print(t.columns)                        # expect: ["step", "child", "morphisms", "params", "depth", "accuracy", "test_accuracy", "time"]
print(t[0].step, t[0].child, t[0].morphisms, t[0].depth)   # expect: 0 0 start 3
# Every step keeps one of its children, made by one or two morphisms, which only add capacity.
print(t[1].child in [1, 2], t[2].child in [1, 2], t[1].morphisms != "start")   # expect: true true true
print(t[1].params > t[0].params and t[2].params > t[1].params)   # expect: true
# Short training on 600 digits lifts every network far above chance (10%).
print(len(t | where accuracy > 50% and test_accuracy > 50%), type(t[1].time))   # expect: 3 time
# Same seed, same climb.
u = grow(d, steps: 2, neighbours: 2, epochs: 1, width: 4, batch: 50, lr: 0.1, threads: 1, seed: 1)
print(u.accuracy == t.accuracy, u.morphisms == t.morphisms)   # expect: true true
# No steps: the starting network alone.
print(len(grow(d, steps: 0, epochs: 1, width: 4, threads: 1)))   # expect: 1
