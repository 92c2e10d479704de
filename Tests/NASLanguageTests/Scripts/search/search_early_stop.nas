# launch(…, early_stop:) stops training trials whose extrapolated learning curve cannot beat the
# best fully trained one (Domhan et al. 2015); the same seed without it trains every trial fully.
d = dataset("digits", train: 600, valid: 200, test: 200, seed: 1)
ev = train(d, epochs: 8, batch: 50, lr: 0.05)
space = chain(depth: 1..2, ops: ["conv3x3", "max_pool_3x3", "conv1x1"], widths: [4, 16], strides: [2])
stop = curve_stop(threshold: 5%, after: 3)
print(stop.threshold == 5%, stop.after)                   # expect: true 3
full = launch(random(), on: space, using: ev, budget: 8, seed: 2)
wait(full);
cut = launch(random(), on: space, using: ev, budget: 8, seed: 2, early_stop: stop)
wait(cut);
# the same architectures, in the same order
print(list(full.trials.arch) == list(cut.trials.arch))    # expect: true
# every training trial says how long it trained; without early stopping, all of it
print(min(full.trials.epochs_trained), max(full.trials.pruned))   # expect: 8 0
stopped = cut.trials | where pruned == 1
print(len(stopped) >= 1, min(stopped.epochs_trained) >= 3, max(stopped.epochs_trained) < 8)   # expect: true true true
# the first trial has no incumbent to lose against; the incumbent is never a stopped trial
print((cut.trials | where trial == 1).pruned[0], best(cut).pruned)   # expect: 0 0
# the trials that trained fully are the same work with or without early stopping
kept = cut.trials | where pruned == 0
same = full.trials | where trial in list(kept.trial)
print(list(kept.accuracy) == list(same.accuracy))        # expect: true
# the epochs saved
e_full = (full.trials | summarize e: sum(epochs_trained)).e[0]
e_cut = (cut.trials | summarize e: sum(epochs_trained)).e[0]
print(e_full, e_cut < e_full)                             # expect: 64 true
# a bare threshold is the same setting with the first decision after 3 epochs
again = launch(random(), on: space, using: ev, budget: 8, seed: 2, early_stop: 5%)
wait(again);
print(list(again.trials.pruned) == list(cut.trials.pruned), len(again.trials | where cached))   # expect: true 8
