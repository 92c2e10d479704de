# # Training on real data
#
# The most faithful (and most expensive) performance estimate in NAS is to train each candidate
# for real. This sample loads a subset of Fashion-MNIST, trains two architectures of different
# cost with the same short recipe, and compares their accuracy, training time and cost.

# ## The data: 5,000 training and 1,000 validation images drawn by a seeded shuffle
# The test part is 1,000 images of the official test file. Every part is normalised with the
# training statistics.
data = dataset("fashion-mnist", train: 5k, valid: 1k, test: 1k, seed: 1)
show data
assert data.shape == [1, 28, 28] and data.classes == 10, "Fashion-MNIST is 10 classes of 28×28 grey images"

# ## The recipe: an evaluator that trains each architecture it is given
# Two epochs of SGD with Nesterov momentum and a cosine schedule. Every setting is part of the
# evaluator's descriptor, which is also the key of the store's result cache.
ev = train(data, epochs: 2, batch: 64, lr: 0.1)
ev

# ## Two candidates of different cost: chains of strided 3×3 convolutions (MetaQNN-style)
# Three layers each, 16 channels against 32: about four times the multiply-accumulates.
small = sample(chain(depth: 3..3, ops: ["conv3x3"], widths: [16], strides: [2]), seed: 1)
big = sample(chain(depth: 3..3, ops: ["conv3x3"], widths: [32], strides: [2]), seed: 1)
layers(big, input: data.shape, classes: data.classes)

# ## Train both with the same seed
rs = evaluate(ev, small, seed: 1)
rb = evaluate(ev, big, seed: 1)
cs = cost(small, input: data.shape, classes: data.classes)
cb = cost(big, input: data.shape, classes: data.classes)
results = table([
  {net: "small", accuracy: rs.accuracy, test_accuracy: rs.test_accuracy, train_time: rs.train_time, params: cs.params, macs: cs.macs},
  {net: "big", accuracy: rb.accuracy, test_accuracy: rb.test_accuracy, train_time: rb.train_time, params: cb.params, macs: cb.macs},
])
results
print("learning curves (validation accuracy per epoch):", rs.curve, rb.curve)

# ## What holds on any machine
# Both train well past chance (10%) in two epochs; the bigger one costs more. Accuracies and
# times vary with the machine, so only robust facts are asserted.
assert rs.status == "done" and rb.status == "done", "both trainings finished"
assert rs.accuracy > 0.6 and rb.accuracy > 0.6, "both reach 60% validation accuracy"
assert cb.params > cs.params and cb.macs > 3 * cs.macs, "the big chain has more parameters and MACs"
assert rs.params == cs.params and rb.params == cb.params, "the trained networks are the ones the cost model counts"
assert len(rs.curve) == 2, "one validation point per epoch"

# ## A diverging recipe fails the trial with its reason instead of stopping the script
wild = evaluate(train(data, epochs: 1, batch: 64, lr: 1e6), small, seed: 1)
wild
assert wild.status == "failed", "a learning rate of a million diverges"
