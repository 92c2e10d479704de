# `show` draws an architecture (its cell, written out by hand from the canonical string of
# benchmark row 0) and its cost; 129.31k parameters is the CSV's c10_params_M 0.129306.
show arch(nb201(), 0)
# expect: nb201 cell |avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|  (index 0)
# expect:   node1 = avg_pool_3x3(node0)
# expect:   node2 = nor_conv_1x1(node0) + skip_connect(node1)
# expect:   node3 = nor_conv_1x1(node0) + skip_connect(node1) + skip_connect(node2)
# expect:   output = node3; macro: stem → 3 stages × 5 cells (C=16, 32, 64) → pool → linear
# expect:
# expect: cost at 3×32×32, 10 classes: 129.31k params, 15.65M MACs, 31.29M FLOPs, 327.68KB peak activations
nb201(dataset: "cifar100")   # expect: evaluator nb201(dataset: cifar100, epochs: 200, metric: valid, trial: mean)
latency(device: "pixel3")    # expect: latency table nb201/pixel3 on pixel3 (15625 nb201 architectures)
size(fbnet())                # expect: 984,770,902,183,611,232,881 (≈9.85e+20)
chain(depth: 1..2, ops: ["conv3x3", "max_pool_3x3"], widths: [8], strides: [1])   # expect: chain space (6 architectures)
# By hand: conv3x3 3→8 without bias 3·8·9 = 216 params and 216·32·32 = 221,184 MACs, batch norm
# 2·8 = 16 params, linear 8·10 + 10 = 90 params and 80 MACs: 322 params, 221,264 MACs.
two = sample(space("two", stack(choice("width", [8]), choice("op", ["conv3x3"]))), seed: 1)
two                          # expect: width=8, op=conv3x3
c = cost(two)
print(c.params == 322, c.macs == 221264, c.flops == 442528)   # expect: true true true
