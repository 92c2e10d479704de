# a profiled space refuses an architecture whose blocks were profiled out
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
s = basenet(positions: 1)
acc = benchmark(csv: dir + "basenet_accuracy.csv", space: s, metrics: ["accuracy"])
lat = latency_table(csv: dir + "basenet_latency.csv", space: s, unit: "ms")
p = profile_space(s, accuracy: acc, latency: lat, target: 1.5ms, keep: 0.25)
arch(p, "res_k3-res_k3-res_k3")                              # expect error: position 1: block 'res_k3' was profiled out
