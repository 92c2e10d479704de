# a bar chart of a group … summarize: one line per group in the terminal, bars in eighths of a cell
t = table({op: ["a", "b", "a", "c", "a"], acc: [90%, 80%, 70%, 85%, 95%]})
g = t | group by op summarize n: count(), best: max(acc)
p = g | plot x: op, y: n
print(p.kind, p.bars.label, p.bars.value)   # expect: bar ["a", "b", "c"] [3, 1, 1]
# 100 columns: label 1 + " │" + bar + " " + value 1 leaves 95 columns for the longest bar (n = 3 on a 0–3 axis);
# n = 1 is 95 · 8 / 3 = 253.3 → 253 eighths: 31 full blocks and ▋ (5 eighths)
p
# expect: n by op
# expect:    n
# expect: a │███████████████████████████████████████████████████████████████████████████████████████████████ 3
# expect: b │███████████████████████████████▋ 1
# expect: c │███████████████████████████████▋ 1
# expect:   └─────────────────────────────────────────────────────────────────────────────────────────────── from 0
# the same chart from the builtin, with a title
q = plot(g, x: "op", y: "best", title: "best accuracy per op")
print(q.title, "|", q.y)                    # expect: best accuracy per op | best (%)
