# A recipe that diverges ends the trial as failed with the reason; the script goes on.
d = dataset("digits", train: 300, valid: 100, test: 100)
a = sample(chain(depth: 1..1, ops: ["conv3x3"], widths: [8], strides: [1]), seed: 1)
r = evaluate(train(d, epochs: 1, batch: 50, lr: 1e6), a)
print(r.status, "NaN" in r.error or "infinite" in r.error)   # expect: failed true
print("still running")              # expect: still running
