# histograms: Sturges' bin count and the counts, worked out by hand; the bins of a shipped table sum to its rows
v = table({x: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4]})
h = v | plot x: x
# 10 values → ⌈log₂ 10⌉ + 1 = 5 bins of width 0.6 over 1…4: 1 | 2, 2 | – | 3, 3, 3 | 4, 4, 4, 4
print(h.kind, h.title, h.y)            # expect: histogram distribution of x count
print(h.bars.value)                    # expect: [1, 2, 0, 3, 4]
print(h.bars.start[1], h.bars.end[1])  # expect: 1.6 2.2
t = bench_table("nb201")
a = t | plot x: accuracy, bins: 12
print(len(a.bars), sum(a.bars.value) == len(t), a.x)   # expect: 12 true accuracy (%)
