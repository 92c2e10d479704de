# profile_space on basenet(positions: 1) with table evaluators: accuracy and latency of all 64
# architectures are in fixtures/basenet_*.csv, and fixtures/make_profile_fixtures.py profiles them in
# Python (the same SSBNs, cost and threshold), which gives the numbers expected here.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
s = basenet(positions: 1)
acc = benchmark(csv: dir + "basenet_accuracy.csv", space: s, metrics: ["accuracy"])
lat = latency_table(csv: dir + "basenet_latency.csv", space: s, unit: "ms")
p = profile_space(s, accuracy: acc, latency: lat, weights: {accuracy: 1, latency: 1}, target: 1.5ms, keep: 0.25)
print(p)                                                     # expect: basenet space (18 architectures)
t = ssbns(p)
# 4 specified networks and 4·3·3 single-block changes; the best quarter (10) is kept
print(len(list(t)), len(list(t | where kept)))               # expect: 40 10
top = list(t | take 2)
print(top[0].arch, top[0].cost > 0.5879 - 1e-4, top[0].cost < 0.5879 + 1e-4)   # expect: mb_k5_e3-mb_k5_e3-mb_k5_e3 true true
print(top[1].arch, top[1].base, top[1].position, top[1].block)               # expect: mb_k5_e3-mb_k5_e3-vgg_k3 mb_k5_e3 3 vgg_k3
# members: position 1 keeps vgg_k3 and mb_k5_e3, positions 2 and 3 vgg_k3, mb_k3_e6 and mb_k5_e3
members = enumerate(p)
print(len(members), members[0], members[17])   # expect: 18 vgg_k3-vgg_k3-vgg_k3 mb_k5_e3-mb_k5_e3-mb_k5_e3
# the same strategies search it: grid search under a latency bound finds the best allowed member
g = simulate("grid", on: p, using: [acc, lat], budget: 100, seeds: 1, constraints: ["latency < 1.2ms"])
print(g.arch[0], g.trials[0])                                # expect: mb_k5_e3-mb_k3_e6-mb_k3_e6 18
