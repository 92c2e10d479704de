# NAS-Bench-201 as an evaluator and as a table, against the published optima (Dong & Yang,
# ICLR 2020, Table 5: CIFAR-10 valid 91.61 / test 94.37, CIFAR-100 valid 73.49 / test 73.51,
# ImageNet16-120 test 47.31) and rows of the shipped CSV read with Python.
s = nb201()
ev = nb201(dataset: "cifar10")
ev                                   # expect: evaluator nb201(dataset: cifar10, epochs: 200, metric: valid, trial: mean)
print(type(ev), type(nb201()))       # expect: evaluator space
print(ev.spaces, ev.max_epochs)      # expect: ["nb201"] 200

best = arch(s, 6111)
r = evaluate(ev, best)
print(r.accuracy, r.test_accuracy)   # expect: 91.61% 94.37%
print(r.params == 1.073466M, type(r.train_time))   # expect: true time
t = evaluate(nb201(dataset: "cifar10", metric: "test"), best)
print(t.accuracy)                    # expect: 94.37%
e12 = evaluate(nb201(dataset: "cifar10", epochs: 12), best)
print(e12.train_time < r.train_time / 10)   # expect: true
print(evaluate(ev, best, epochs: 12).accuracy == e12.accuracy)   # expect: true

# One seed per query: the value is one of the three recorded trials (91.684, 91.72, 91.416
# in the CSV), the same for the same seed, and the seeds do not all agree.
noisy = nb201(dataset: "cifar10", trial: "random")
draws = map(range(8), fn(i) { evaluate(noisy, best, seed: i).accuracy })
print(len(filter(draws, fn(x) { x == 91.684% or x == 91.72% or x == 91.416% })))   # expect: 8
print(evaluate(noisy, best, seed: 3) == evaluate(noisy, best, seed: 3))           # expect: true
print(min(draws) < max(draws))       # expect: true

# The best cell per dataset, found by exhaustive query of the whole table.
c10 = bench_table("nb201", dataset: "cifar10")
print(len(c10))                      # expect: 15625
top = c10 | sort test_accuracy desc | take 1
print(top.index, top.test_accuracy, top.accuracy)   # expect: [6111] [94.37%] [91.61%]
print(max(c10.accuracy))             # expect: 91.61%
c100 = bench_table("nb201", dataset: "cifar100")
print(max(c100.accuracy), max(c100.test_accuracy))  # expect: 73.49% 73.51%
in16 = bench_table("nb201", dataset: "imagenet16-120")
print(max(in16.test_accuracy))       # expect: 47.31%
row0 = c10 | where index == 0
print(row0.accuracy_12ep, row0.test_accuracy, row0.runs)   # expect: [63.36%] [85.86%] [3]
