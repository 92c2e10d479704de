# Spaces on inputs wider than tall and on 1-D signals ([C, 1, W]). A stride keeps a 1-pixel
# height at 1 and halves the width (⌈n/2⌉ on each axis); merges of earlier outputs subsample both
# axes by one stride. Before the fix, merges looked at the height alone: "a sum needs equal
# shapes, got 64×1×20, 64×1×40" for the first line, a concatenation error for the dense ones.
fn last(t) { t.output[len(t) - 1] }
fn before_pool(t) { t.output[len(t) - 3] }
r = layers(sample(chain(skips: "resnet"), seed: 2), input: [1, 1, 40], classes: 10)
print(last(r), before_pool(r))                                                      # expect: 10×1×1 64×1×3
print(before_pool(layers(sample(chain(skips: "resnet"), seed: 5), input: [3, 16, 32])))      # expect: 32×1×1
print(before_pool(layers(sample(chain(skips: "densenet"), seed: 2), input: [1, 1, 40])))     # expect: 64×1×3
print(before_pool(layers(sample(chain(skips: "chosen"), seed: 2), input: [1, 1, 40])))       # expect: 64×1×3
print(before_pool(layers(sample(chain(skips: "densenet"), seed: 5), input: [3, 16, 32])))    # expect: 32×1×1
# NB201's reduction shortcut: a 2×2/2 pool on even sides, a 3×3/2 pool (padding 1) where a side is odd.
n = layers(sample(nb201(), seed: 1), input: [1, 1, 40])
print(len(filter(n.op, fn(o) { o == "avgpool3x3/2" })), before_pool(n))              # expect: 2 64×1×10
# DARTS cells: the factorized reduce shifts a 1-row signal along the width only.
c = layers(sample(cell(channels: 8, layers: 5), seed: 1), input: [2, 1, 128])
print(len(filter(c.op, fn(o) { o == "shift(0,1)" })), before_pool(c))               # expect: 4 128×1×32
# OFA resizes the longer side to the chosen resolution and keeps the proportions.
o = layers(arch(ofa(), "r160 | k3e4 k3e4 | k3e4 k3e4 | k3e4 k3e4 | k3e4 k3e4 | k3e4 k3e4"), input: [1, 1, 40])
print(o.output[0], o.output[len(o) - 5])                                            # expect: 16×1×80 960×1×5
