# `x | f(args)` calls f with x as the first argument; lists of records act as tables.
fn top(t, n) { t | sort score desc | take n }
rows = [{name: "a", score: 3}, {name: "b", score: 9}, {name: "c", score: 5}]
print(len(rows | where score > 4))      # expect: 2
best = rows | top(2)
print(best.name)                        # expect: ["b", "c"]
print([3, 1, 2] | sorted)               # expect: [1, 2, 3]
print(rows | where name in ["a", "c"] | len)   # expect: 2
fn fast(lat) { lat < 10ms }
t = table({id: [1, 2, 3], latency: [5ms, 20ms, 8ms]})
print((t | where fast(latency)).id)     # expect: [1, 3]
