xs = [5, 3, 9]
print(xs[0], xs[-1], len(xs))       # expect: 5 9 3
xs[1] = 4
print(xs)                           # expect: [5, 4, 9]
print(sorted(xs), sorted(xs, desc: true))   # expect: [4, 5, 9] [9, 5, 4]
print(sum(xs), mean([1, 2, 3, 4]), min(xs), max(3ms, 1ms))   # expect: 18 2.5 4 3ms
r = {lr: 0.1, epochs: 3}
r.epochs = 5
r.batch = 128
print(r)                            # expect: {lr: 0.1, epochs: 5, batch: 128}
print(r["lr"], keys(r))             # expect: 0.1 ["lr", "epochs", "batch"]
print(3 in xs, 7 in 2..8, "po" in "pool", "lr" in r)   # expect: false true true true
print(append(xs, 1), list(1..3), range(3))  # expect: [5, 4, 9, 1] [1, 2, 3] [0, 1, 2]
print("acc: " + 91% + " at " + 12ms)        # expect: acc: 91% at 12ms
print(xs[3])    # expect error: index 3 is out of range (3 items; the first is 0, the last is 2 or -1)
