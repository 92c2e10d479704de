# An FBNet architecture outside the 5,000 measured ones.
evaluate(latency(device: "pixel3", space: "fbnet"), sample(fbnet(), seed: 1))   # expect error: is not in the latency table fbnet/pixel3 (5000 architectures)
