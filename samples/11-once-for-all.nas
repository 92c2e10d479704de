# # Once-for-all: train one elastic network, then specialise it for two latency targets
#
# Once-for-all (Cai et al., ICLR 2020) trains ONE network whose sub-networks — any depth,
# expansion and kernel per layer, any input resolution of the `ofa` space — share its weights,
# then picks a sub-network for each deployment target without training again.
#
# - **Elastic supernet.** The largest network (kernel 7, expansion 6, four layers per unit)
#   holds every weight. A 5×5 kernel is the centre of the 7×7 one through a learned 25×25
#   matrix, a 3×3 the centre of that through a 9×9 matrix; a unit of depth d runs its first d
#   layers; expansion e keeps the first e·C hidden channels, sorted by importance (L1 norm)
#   when the width stage starts.
# - **Progressive shrinking.** The epochs go through four stages: the full network, then
#   elastic kernel, depth and width; each batch trains one sub-network drawn from the stage.
# - **Specialisation.** Score random sub-networks with the inherited weights, fit an accuracy
#   predictor, and run evolution on the predictor under each latency target.
#
# The published network is sized for 224×224 ImageNet; here it is scaled to Fashion-MNIST on a
# CPU: a quarter of the width (every layer's channels × 0.25, rounded to multiples of 8) and
# the 28×28 images resized to 32 or 36 pixels (the space's smallest resolutions).

# ## The data and the recipe
data = dataset("fashion-mnist", train: 3k, valid: 500, test: 500, seed: 1)
space = ofa(low: 32, high: 36, step: 4)
ev = train(data, epochs: 4, batch: 64, lr: 0.15)

# ## Progressive shrinking on the one loop: four epochs, one per stage, one trial each
# Each trial is a sub-network of the stage just trained, scored by the supernet after
# batch-norm recalibration on a few training batches.
r = launch(once_for_all(width: 0.25), on: space, using: ev, budget: 4, seed: 1)
wait(r);
r.trials | select trial, arch, accuracy, train_loss, stage, macs

# ## Specialise for two latency targets without retraining
# Latency is naslab's cost model: the sub-network's multiply-accumulates at a nominal
# 1 GMAC/s. Forty sub-networks measured with the supernet train the accuracy predictor; fitted
# on so few noisy scores it is rough, so the looser target's pick need not score higher.
picks = specialise(r, latency: [1.2ms, 2ms], samples: 40, population: 40, generations: 10, seed: 1)
picks

# ## What holds on any machine
# Accuracies depend on the machine's arithmetic only slightly, but they are a few epochs' worth:
# only robust facts are asserted.
assert r.status == "done" and len(r.trials) == 4, "four epochs, four trials"
stages = r.trials | sort trial
assert stages[0].stage == 1 and stages[3].stage == 4, "full network first, elastic width last"
assert len(picks) == 2, "one sub-network per target"
assert picks[0].latency <= 1.2ms and picks[1].latency <= 2ms, "each pick meets its latency target"
assert picks[0].accuracy > 0.3 and picks[1].accuracy > 0.3, "the inherited weights classify far above chance (10%)"
