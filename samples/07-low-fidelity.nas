# # Lower fidelity: Hyperband and learning-curve early stopping on real training
#
# Training every candidate for the full schedule is what makes NAS expensive. Two ways to
# spend less:
#
# - Hyperband (Li et al., JMLR 2018) runs successive halving (Jamieson & Talwalkar 2016) in
#   brackets: train many candidates for a few epochs, keep the best 1/η, train those η times
#   longer, and so on up to the full schedule.
# - Learning-curve early stopping (Domhan, Springenberg & Hutter, IJCAI 2015) watches each
#   training: after a few epochs it fits parametric curves to the validation curve so far,
#   extrapolates them to the last epoch, and stops the trial when it is unlikely (below 5%)
#   to end above the best fully trained candidate so far.
#
# First on the NAS-Bench-201 table (free to query), then on real Fashion-MNIST training, kept
# small so that the sample runs in about a minute: 2,000 training and 500 validation images,
# chains of at most three narrow layers, 9 epochs at full fidelity.

# ## Part 1: Hyperband and successive halving on the NB201 table
# The table recorded every cell after 12 and after 200 epochs. The ladder asks for 22, 66 and
# 200 epochs (R = 200, r = 12, η = 3: 200/9 and 200/3 rounded down); a rung below 200 is looked up at 12 epochs and charged 12
# epochs of simulated time (the `fidelity_epochs` column says which table answered). All three
# strategies get the same simulated budget.

space = nb201()
ev = nb201(dataset: "cifar10")
budget = 100000s
seeds = [1, 2, 3]
contenders = [random(), successive_halving(min_epochs: 12), hyperband(min_epochs: 12)]

runs_of = {}
for s in contenders {
  rs = []
  for seed in seeds { rs = append(rs, launch(s, on: space, using: ev, budget: budget, seed: seed)) }
  runs_of[s.name] = rs
}
wait();

# ### One Hyperband run, rung by rung
hb = runs_of["hyperband"][0]
hb.trials | group by epochs, fidelity_epochs summarize trials: count(), mean_accuracy: mean(accuracy), simulated: sum(sim_time)

# ### Fully trained cells per run, and the best of them
# Only 200-epoch results are compared: a 12-epoch accuracy is not a final one.
fn fully_trained(r) {
  if r.strategy == "random" { return r.trials | where status == "done" }
  return r.trials | where status == "done" and fidelity_epochs == 200
}
rows = []
for s in contenders {
  for r in runs_of[s.name] {
    f = fully_trained(r) | sort accuracy desc
    rows = append(rows, {strategy: s.name, seed: r.seed, trials: len(r.trials), full_trainings: len(f), best_valid: f.accuracy[0], its_test: f.test_accuracy[0]})
  }
}
results = table(rows)
results
summary = results | group by strategy summarize trials: mean(trials), full_trainings: mean(full_trainings), best_valid: mean(best_valid), test: mean(its_test)
summary

# With the same simulated budget, the multi-fidelity strategies look at many more cells,
# spending most of their time on short trainings.
n = fn(name) { (summary | where strategy == name).trials[0] }
assert n("hyperband") > 2 * n("random") and n("successive_halving") > 2 * n("random"), "cheap rungs buy more candidates"
assert len(hb.trials | where fidelity_epochs == 12) > len(hb.trials | where fidelity_epochs == 200)

# ## Part 2: real training on Fashion-MNIST
data = dataset("fashion-mnist", train: 2k, valid: 500, test: 500, seed: 1)
cspace = chain(depth: 1..3, ops: ["conv3x3", "conv1x1", "max_pool_3x3"], widths: [8, 16], strides: [2])
ev = train(data, epochs: 9, batch: 64, lr: 0.05)
print("full fidelity:", ev.max_epochs, "epochs")

# ### Random search, trained fully, with and without early stopping
# Both runs use seed 1, so they propose the same eight architectures in the same order. Every
# training trial records `epochs_trained` and `pruned` (1 when early stopping cut it short).
full = launch(random(), on: cspace, using: ev, budget: 8, seed: 1)
wait(full)
cut = launch(random(), on: cspace, using: ev, budget: 8, seed: 1, early_stop: curve_stop(threshold: 5%, after: 3))
wait(cut)
cut.trials | select trial, arch, accuracy, epochs_trained, pruned

fn epochs_of(r) { (r.trials | summarize e: sum(epochs_trained)).e[0] }
saved = table([
  {run: "without early stopping", trials: len(full.trials), epochs: epochs_of(full), best: best(full).accuracy},
  {run: "with early stopping", trials: len(cut.trials), epochs: epochs_of(cut), best: best(cut).accuracy},
])
saved

# A trial is stopped only against an incumbent, so the first one always trains fully; the first
# decision comes after 3 epochs. (The store keeps each stopped trial's partial curve.)
stopped = cut.trials | where pruned == 1
assert len(stopped) >= 1, "early stopping stopped at least one hopeless training"
assert epochs_of(cut) < epochs_of(full), "the same eight architectures cost fewer epochs with early stopping"
assert (cut.trials | where trial == 1).pruned[0] == 0, "the first trial has no incumbent to lose against"
assert best(cut).pruned == 0, "the incumbent is never a stopped trial"
assert len(full.trials | where pruned == 1) == 0, "without early stopping every trial trains fully"
assert max(stopped.epochs_trained) < 9 and min(stopped.epochs_trained) >= 3, "stopped after the first decision, before the end"

# ### Hyperband against random search, for the same number of epochs
# Hyperband's first bracket (η = 3, from 1 epoch): nine candidates for 1 epoch, the best three
# for 3 epochs, the best one for 9. Random search gets the same number of training epochs, spent
# on full trainings (its first trials are the ones above, so they come from the result cache).
hb = launch(hyperband(min_epochs: 1, eta: 3), on: cspace, using: ev, budget: 13, seed: 1)
wait(hb)
hb.trials | group by epochs_trained summarize trials: count(), mean_accuracy: mean(accuracy), best: max(accuracy)
budget_epochs = epochs_of(hb)
rnd = launch(random(), on: cspace, using: ev, budget: budget_epochs / 9, seed: 1)
wait(rnd)
fn architectures(r) { len(r.trials | group by arch summarize n: count()) }
fn best_full(r) { max((r.trials | where epochs_trained == 9).accuracy) }
compare = table([
  {strategy: "hyperband", epochs: budget_epochs, architectures: architectures(hb), full_trainings: len(hb.trials | where epochs_trained == 9), best_full: best_full(hb)},
  {strategy: "random", epochs: epochs_of(rnd), architectures: architectures(rnd), full_trainings: len(rnd.trials), best_full: best_full(rnd)},
])
compare

# The rungs really train for 1, 3 and 9 epochs, and the cheap rungs buy many more candidates.
rungs = hb.trials | group by epochs_trained summarize n: count() | sort epochs_trained
assert rungs.epochs_trained == [1, 3, 9] and rungs.n == [9, 3, 1], "Hyperband drives the trainer's epochs"
assert epochs_of(rnd) == budget_epochs, "the same number of training epochs"
assert architectures(hb) > 2 * architectures(rnd), "Hyperband looks at more architectures"
