# Fewer measurements than the prior's rank cannot pin a new device down.
few_shot(latency(device: "fpga"), samples: 3)   # expect error: a new device needs more measurements than the prior's rank (4) and at most 15625, got 3
