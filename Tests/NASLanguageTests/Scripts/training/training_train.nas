# train(...) is an evaluator; evaluating trains the architecture for real and reports metrics,
# the per-epoch curve and the status. Tiny data and networks keep this fast.
d = dataset("digits", train: 600, valid: 200, test: 200, seed: 1)
ev = train(d, epochs: 2, batch: 50, lr: 0.1)
print(type(ev), ev.max_epochs)      # expect: evaluator 2
# Every setting is in the descriptor, which keys the store's result cache.
print(ev.descriptor)                # expect: train(digits 600/200/200 seed=1, epochs=2 batch=50 lr=0.1 opt=sgd(momentum: 0.9, nesterov: true, weightDecay: 0.0005) schedule=cosine(minimum: 0.0))

a = sample(chain(depth: 2..2, ops: ["conv3x3"], widths: [32], strides: [2]), seed: 1)
r = evaluate(ev, a, seed: 1)
print(r.status, len(r.curve), r.curve[1] == r.accuracy)   # expect: done 2 true
# The trained network is the one the cost model counts.
print(r.params == cost(a, input: d.shape, classes: d.classes).params)   # expect: true
# Two epochs on 600 digits lift a 2-layer CNN far above chance (10%).
print(r.accuracy > 0.5, r.test_accuracy > 0.5, r.loss > 0, type(r.train_time))   # expect: true true true time
# Same seed, same result; fewer epochs is a lower fidelity.
print(evaluate(ev, a, seed: 1).accuracy == r.accuracy)   # expect: true
print(len(evaluate(ev, a, seed: 1, epochs: 1).curve))    # expect: 1

# Other recipes: Adam, step decay with warm-up, augmentation, threads, a fraction of the data.
ev2 = train(d, epochs: 3, batch: 100, lr: 0.01, optimizer: "adam", weight_decay: 0, schedule: "step", step_every: 1, gamma: 0.5, warmup: 1, crop: 1, flip: true, threads: 1, fidelity: 0.5)
print(ev2.descriptor)               # expect: train(digits 300/200/200 seed=1, epochs=3 batch=100 lr=0.01 opt=adam(weightDecay: 0.0) schedule=warmup(steps: 3, then: step(every: 3, gamma: 0.5)) crop=1 flip threads=1)
print(evaluate(ev2, a).status)      # expect: done
print(train(d, optimizer: "sgd", momentum: 0, schedule: "none").descriptor)   # expect: train(digits 600/200/200 seed=1, epochs=4 batch=128 lr=0.05 opt=sgd(momentum: 0.0, nesterov: false, weightDecay: 0.0005) schedule=constant)
