# profile_space needs a blockwise space and sensible settings
s = basenet(positions: 1)
acc = benchmark(csv: "Tests/NASLanguageTests/Scripts/fixtures/basenet_accuracy.csv", space: s, metrics: ["accuracy"])
profile_space(s, accuracy: acc, latency: acc, keep: 0)      # expect error: the fraction of networks kept must be in (0, 1]
