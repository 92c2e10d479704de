# # Search spaces
#
# A search space is a set of architectures; an architecture is one choice per decision of its
# space. This sample walks through every kind of space naslab knows, from the simplest chain of
# layers to once-for-all's elastic supernet: for each, its size, a sample, a mutation, its
# diagram and its cost, checked against the figures the papers published.

# Every space answers the same questions; this function asks them: how many architectures,
# one drawn at random (drawn as a diagram, with its cost), and one local mutation of it.
fn tour(s, seed) {
  print(s)
  a = sample(s, seed: seed)
  show a
  print("mutation:", mutate(a, seed: seed + 1))
  a
}

# ## A chain of layers (MetaQNN), and chains with skips (ResNet, DenseNet)
# Each layer picks a stride, an op and, for convolutions, a width; the depth is searched too.
c = chain(depth: 1..6)
size(c)
a = sample(c, seed: 1)
show a
mutate(a, seed: 2)
# Skips from earlier layers: the ResNet pattern {i-1, i-2} and the DenseNet pattern {0..i-1}.
res = chain(depth: 2..4, skips: "resnet")
dense = chain(depth: 2..4, skips: "densenet")
assert size(res) == size(dense), "fixed skip patterns add no decision"
tour(res, 3);
tour(dense, 3);

# ## Block-based spaces (MnasNet) with MobileNetV2 and MnasNet-A1 as members
seg = segment()
tour(seg, 5);
v2 = mobilenetv2()
show v2
m = cost(v2)
m
assert abs(m.macs - 300M) < 3M, "MobileNetV2 1.0 is 300M MACs (Sandler et al. 2018)"
assert abs(m.params - 3.4M) < 0.15M, "MobileNetV2 1.0 has 3.4M parameters"
a1 = cost(mnasnet_a1())
assert abs(a1.macs - 312M) < 3M and abs(a1.params - 3.9M) < 0.05M, "MnasNet-A1: 312M MACs, 3.9M params (Tan et al. 2019)"
layers(v2) | sort macs desc | take 5
mutate(v2, seed: 1)

# ## Cell-based spaces: DARTS, and NAS-Bench-201's 4-node cell
d = darts_cell()
tour(d, 6);
v2cell = darts_v2()
show v2cell
assert abs(cost(v2cell).params - 3.3M) < 0.1M, "DARTS-V2 has 3.3M parameters on CIFAR-10 (Liu et al. 2019)"
assert genotype(str(v2cell)) == v2cell, "the DARTS genotype format reads back"

s = nb201()
assert size(s) == 15625, "NAS-Bench-201 has 5^6 cells"
unique = len(enumerate(s, table: true) | group by identity summarize n: count())
assert unique == 6466, "6,466 cells are unique up to isomorphism (Dong & Yang 2020)"
cell = sample(s, seed: 3)
show cell
mutate(cell, seed: 1)
print(dot(cell))

# ## Hierarchical (motifs of motifs) and elastic once-for-all spaces
h = hierarchical()
tour(h, 1);
o = ofa()
tour(o, 1);
n = o.subnetworks
n
assert n.value > 1.9e19 and n.value < 2.3e19, "OFA has ~2×10^19 subnetworks (Cai et al. 2020)"
sub = sample(o, seed: 1)
cost(sub)
mutate(sub, seed: 2)
f = fbnet()
tour(f, 1);

# ## Your own space, composed from the same primitives
mine = space("mine", repeat("layer", 1..3, stack(inputs("in", "chosen"), choice("op", ["conv3x3", "sep_conv_3x3", "max_pool_3x3"]))))
size(mine)
enumerate(mine, table: true) | take 5
show sample(mine, seed: 4)
