# Cell spaces: DARTS (Liu et al. 2019) and NASNet-style cells. Size per cell type is
# Π over nodes of C(inputs, 2)·ops², squared for normal and reduction cells:
# (1·3·6·10·7^8)^2 = 1,076,746,950,455,072,400 (computed with Python integers).
d = darts_cell()
print(size(d).digits)                 # expect: 1076746950455072400
print(size(cell()) == size(d))        # expect: true
v2 = darts_v2()
print(v2.space.name)                  # expect: cell
print(genotype(str(v2)) == v2)        # expect: true
print(arch(d, str(v2)) == v2)         # expect: true
# DARTS-V2 on CIFAR-10 (36 channels, 20 cells) has 3.3M parameters (Table 1 of the paper).
assert abs(cost(v2).params - 3.3M) < 0.1M, "DARTS-V2 has ~3.3M parameters"

# The two inputs of a node are unordered: swapping them keeps the identity.
swapped = genotype("Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])")
print(identity(swapped) == identity(v2))   # expect: true

# A small cell space: 2 ops, 2 nodes → (C(2,2)·2²·C(3,2)·2²)² = 48² = 2304.
small = cell(ops: ["sep_conv_3x3", "skip_connect"], nodes: 2, channels: 8, layers: 5)
print(size(small))                    # expect: 2304
print(len(enumerate(small)))          # expect: 2304
x = sample(small, seed: 5)
print(arch(small, str(x)) == x, mutate(x, seed: 1) == x)   # expect: true false
print(len(decisions(small)))          # expect: 16
print(decisions(small).columns)       # expect: ["decision", "options", "count"]
print(cost(x).params > 0, "digraph" in dot(x))   # expect: true true
