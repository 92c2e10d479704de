# The NAS-Bench-201 space against the published figures (Dong & Yang, ICLR 2020) and the
# shipped benchmark CSV (/work/shared/data/nb201_merged.csv, read with Python's csv module).
s = nb201()
s                                   # expect: nb201 space (15,625 architectures)
print(size(s))                      # expect: 15625
print(s.name, len(s.decisions))     # expect: nb201 6
print(type(s), type(size(s)))       # expect: space number

# Every cell, and the published count of cells unique up to isomorphism.
t = enumerate(s, table: true)
print(len(t), t.columns)            # expect: 15625 ["index", "arch", "identity"]
print(len(t | group by identity summarize n: count()))   # expect: 6466
print(len(enumerate(s)))            # expect: 15625

# Index and canonical string match the benchmark row for row (rows 0 and 6111 of the CSV).
a0 = arch(s, 0)
a0                                  # expect: |avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|
best = arch(s, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
print(best.index)                   # expect: 6111
print(arch(s, str(best)) == best, arch(s, 6111) == best)   # expect: true true
# All 15,625 (index, string) pairs of the space equal the benchmark table's, row for row.
print(len(t | join bench_table("nb201") on index, arch))   # expect: 15625

# The cost model against the benchmark's parameter counts (c10/c100/in16 params_M × 10^6).
print(cost(best).params == 1073466, cost(a0).params == 129306)   # expect: true true
print(cost(best, classes: 100).params == 1079316)                # expect: true
print(cost(best, input: [3, 16, 16], classes: 120).params == 1080616)   # expect: true
c = cost(best)
print(c.flops == 2 * c.macs, type(c.memory))   # expect: true bytes
l = layers(best)
print(l.columns)                    # expect: ["layer", "op", "output", "params", "macs"]
print(sum(l.params) == c.params, sum(l.macs) == c.macs)   # expect: true true

# Sampling is seeded; a mutation changes exactly one edge and is a neighbour.
a = sample(s, seed: 3)
print(a == sample(s, seed: 3), len(sample(s, seed: 1, n: 4)))   # expect: true 4
m = mutate(a, seed: 1)
changed = len(filter(range(6), fn(i) { a.tokens[i] != m.tokens[i] }))
print(changed)                      # expect: 1
n = neighbors(a)
print(len(n))                       # expect: 24
print(len(filter(n, fn(x) { x == m })))   # expect: 1
child = crossover(a, best, seed: 7)
print(len(filter(range(6), fn(i) { child.tokens[i] != a.tokens[i] and child.tokens[i] != best.tokens[i] })))   # expect: 0
print(crossover(a, best, seed: 7) == child)   # expect: true

# Encodings: 6 one-hot blocks of 5; BANANAS paths over the 4 non-zero ops of lengths 1..3.
print(len(encode(a)), sum(encode(a)))         # expect: 30 6
print(len(encode(a, as: "path")))             # expect: 84
print(len(encode(a, as: "adjacency")) > 0)    # expect: true

# Isomorphic cells share an identity: a cell whose node 1 feeds nothing equals the one with that edge zeroed.
dead = arch(s, "|nor_conv_3x3~0|+|nor_conv_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_1x1~2|")
dead2 = arch(s, "|avg_pool_3x3~0|+|nor_conv_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_1x1~2|")
print(dead == dead2, identity(dead) == identity(dead2))   # expect: false true
print(identity(best) == best.identity)                   # expect: true

# Graphviz text names every edge's op.
g = dot(a0)
print(len(filter(["digraph", "avg_pool_3x3", "nor_conv_1x1", "skip_connect"], fn(w) { w in g })))   # expect: 4

# A smaller skeleton is the same set of cells with a smaller network.
small = nb201(channels: 8, cells: 1)
print(size(small), cost(arch(small, 6111)).params < cost(best).params)   # expect: 15625 true
