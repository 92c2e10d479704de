# Mobile spaces against published figures: OFA (Cai et al. 2020: ~2×10^19 subnetworks),
# FBNet (Wu et al. 2019: 9^22), MnasNet's segment space with MobileNetV2 (Sandler et al. 2018:
# 300M MACs, 3.4M params; torchvision's count 3,504,872), MnasNet-A1 (Tan et al. 2019: 312M
# MACs, 3.9M params) and ResNet-18 (He et al. 2016: 1.8G MACs; torchvision 11,689,512 params).

o = ofa()
n = o.subnetworks
print(type(n))                                    # expect: count
assert n.value > 1.9e19 and n.value < 2.3e19, "OFA has ~2×10^19 subnetworks"
print(size(ofa(low: 224, high: 224)) == n)        # expect: true
print(size(o).value / n.value)                    # expect: 25
a = sample(o, seed: 1)
print(type(a), a.space.name)                      # expect: architecture ofa
print(arch(o, str(a)) == a, mutate(a, seed: 2) == a)   # expect: true false
assert cost(a).macs > 100M and cost(a).macs < 1G, "an OFA subnet costs 0.1–1 GMACs"

f = fbnet()
print(size(f).digits)                             # expect: 984770902183611232881
print(len(f.decisions), len(f.options.layer1))   # expect: 22 9
b = sample(f, seed: 4)
print(arch(f, str(b)) == b)                       # expect: true
print(len(neighbors(b)))                          # expect: 176
# FBNet-96-0.35's space: FBNet's builder rounds 0.35·(16, 24, 32, 64, 112, 184, 352) to the
# nearest multiple of 8 (8, 8, 8, 24, 40, 64, 120) and keeps the 1984-channel head.
h = fbnet(width: 0.35)
print(h.name, size(h) == size(f))                 # expect: fbnet_0.35 true
nb = arch(h, str(b))
print(nb.space.name, str(nb) == str(b))           # expect: fbnet_0.35 true
print(cost(nb).params < cost(b).params, cost(nb).macs * 4 < cost(b).macs)   # expect: true true

seg = segment()
print(seg.name, seg.input, seg.classes)           # expect: segment [3, 224, 224] 1000
v2 = mobilenetv2()
print(v2.space.name, arch(seg, str(v2)) == v2)    # expect: segment true
c = cost(v2)
print(c.params == 3504872)                        # expect: true
assert abs(c.macs - 300M) < 3M, "MobileNetV2 is ~300M MACs"
m = cost(mnasnet_a1())
assert abs(m.macs - 312M) < 3M, "MnasNet-A1 is ~312M MACs"
assert abs(m.params - 3.9M) < 0.05M, "MnasNet-A1 has ~3.9M parameters"
r = cost(resnet18())
print(r.params == 11689512, resnet18().space.name)   # expect: true segment_resnet
assert abs(r.macs - 1.8G) < 0.05G, "ResNet-18 is ~1.8G MACs"
print(size(segment(skeleton: "resnet")) < size(seg).value)   # expect: true

# Per-layer costs add up, and the biggest layers are the classifier and late 1×1 convs.
l = layers(v2)
print(sum(l.macs) == c.macs, sum(l.params) == c.params)   # expect: true true
print(len(l | where macs > 20M) > 0)              # expect: true
print(cost(v2, input: [3, 112, 112]).macs < c.macs / 3)   # expect: true
