# a scatter plot of the NAS-Bench-201 table with its Pareto front marked: the front is pareto()'s
t = bench_table("nb201")
p = t | plot x: params, y: accuracy, front: true
print(p.kind, p.series)                # expect: scatter ["accuracy", "Pareto front"]
f = pareto(t, x: "params", y: "accuracy")
front = p.points | where series == "Pareto front"
print(len(front) == len(f), len(p.points | where series == "accuracy") == len(t))   # expect: true true
print(max(front.y) == max(t.accuracy)) # expect: true
print("• accuracy   + Pareto front" in str(p))   # expect: true
print(p.y)                             # expect: accuracy (%)
