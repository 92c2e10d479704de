# once_for_all trains an elastic ofa supernet by progressive shrinking (one epoch per trial and
# stage here); specialise then picks a sub-network per latency target without retraining.
# Tiny data and a quarter-width network keep this fast.
d = dataset("digits", train: 256, valid: 128, test: 128, seed: 1)
r = launch(once_for_all(width: 0.25, calibration: 2), on: ofa(low: 32, high: 32), using: train(d, epochs: 4, batch: 64, lr: 0.1), budget: 4, seed: 1)
wait(r);
print(r.status, len(r.trials))                               # expect: done 4
print((r.trials | sort trial).stage)                         # expect: [1, 2, 3, 4]
picks = specialise(r, latency: [1ms, 3ms], samples: 6, population: 8, generations: 2)
print(len(picks), picks.columns)                             # expect: 2 ["target", "arch", "latency", "macs", "params", "predicted_accuracy", "accuracy", "test_accuracy"]
print(picks[0].latency <= 1ms, picks[1].latency <= 3ms)      # expect: true true
print(picks[0].accuracy >= 0 and picks[0].accuracy <= 1)     # expect: true
# The same seed picks the same sub-networks.
print(specialise(r, latency: 1ms, samples: 6, population: 8, generations: 2).arch == [picks[0].arch])   # expect: true
specialise(r, latency: 5)
# expect error: latency must be a time above 0 (like 2ms) or a list of them
