# Chain, hierarchical and user-composed spaces. Expected sizes are counted by hand:
# a chain layer has 2 strides × (3 convs × 4 widths + 2 pools) = 28 settings, so depth 1..6 gives
# Σ 28^k = 499,738,092; ResNet/DenseNet skips add no decision; "chosen" skips add one yes/no
# flag per earlier output (k=3: 28^3 · 2^3). Hierarchical (Liu et al. 2018): each level-2 motif
# has (7−1)(7²−1)(7³−1) settings, the level-3 motif (7−1)(7²−1)(7³−1)(7⁴−1); computed with
# Python integers: 98496^6 · 236390400 = 215844704603688491397045901536421478400; with one
# motif the level-3 edges choose it or nothing: 98496 · (1·3·7·15) = 31026240.
c = chain()
print(size(c))                                       # expect: 499738092
print(size(chain(depth: 2..4, skips: "resnet")))     # expect: 637392
print(size(chain(depth: 1..3, skips: "densenet")))   # expect: 22764
print(size(chain(depth: 1..3, skips: "chosen")))     # expect: 177212
print(size(chain(depth: 1..2, ops: ["conv3x3"], widths: [8], strides: [1])))   # expect: 2
a = sample(c, seed: 1)
print(arch(c, str(a)) == a, mutate(a, seed: 3) == a)   # expect: true false
print(len(filter(neighbors(a), fn(n) { n == a })))    # expect: 0
print(cost(a).params > 0, "digraph" in dot(a))        # expect: true true

h = hierarchical()
print(size(h).digits)                                 # expect: 215844704603688491397045901536421478400
x = sample(h, seed: 1)
print(arch(h, str(x)) == x, crossover(x, sample(h, seed: 2), seed: 1).space.name)   # expect: true hierarchical
print(size(hierarchical(motifs: 1)))                  # expect: 31026240

# A space written with the primitives: 2 + 4 + 8 = 14 members.
tiny = space("tiny", repeat("layer", 1..3, choice("op", ["conv3x3", "max_pool_3x3"])))
tiny                                                  # expect: tiny space (14 architectures)
print(len(enumerate(tiny)))                           # expect: 14
t = enumerate(tiny, table: true)
print(t.arch[0])                                      # expect: layer=1, layer[0].op=conv3x3
s = stack(choice("width", [16, 32]), alternatives("op", {conv3x3: choice("stride", [1, 2]), max_pool_3x3: none}))
s                                                     # expect: stack(choice("width", ["16", "32"]), alternatives("op", {"conv3x3": choice("stride", ["1", "2"]), "max_pool_3x3": none}))
print(type(s), size(space("alt", s)))                 # expect: spec 6
cellspace = space("celly", dag("cell", nodes: 2, ops: ["sep_conv_3x3", "skip_connect"]), input: [3, 16, 16], classes: 5)
print(size(cellspace), cellspace.input, cellspace.classes)   # expect: 64 [3, 16, 16] 5
dense = space("dense", repeat("layer", 2..3, stack(inputs("in", "densenet"), choice("op", ["conv3x3"]))))
print(size(dense), cost(sample(dense, seed: 1)).params > 0)   # expect: 2 true
