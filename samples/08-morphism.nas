# # Growing a network by morphisms: hill climbing with short training (NASH)
#
# A network morphism changes a network without changing what it computes (Net2Net, Chen et
# al. 2016; Wei et al. 2016): widen a convolution by copying channels and sharing the next
# layer's weights among the copies; deepen after a ReLU with a convolution, batch norm and ReLU
# that start as the identity; or add a residual branch whose batch norm starts at zero. A
# morphed child inherits its parent's weights, so a few epochs of training tell whether the new
# capacity helps. NASH (Elsken, Metzen & Hutter 2017) hill-climbs on this: each step makes
# several children by random morphisms, trains each briefly with a restarted cosine schedule
# (SGDR), and keeps the best by validation accuracy.
#
# Here on sklearn's 8×8 digits (shipped with naslab), small enough to run in well under a minute.

# ## The data: 1,257 training, 270 validation and 270 test digits
data = dataset("digits", seed: 1)
show data

# ## The climb: a 2-block CNN of 8 and 16 channels, then 4 steps of 4 children each
# Every child trains 2 epochs; the starting network trains 4. The `morphisms` column says what
# made the child that was kept; `depth` counts the layers with weights.
steps = grow(data, steps: 4, neighbours: 4, epochs: 2, start_epochs: 4, seed: 1)
show steps

# ## What holds on any machine
# Morphisms only add capacity, so every step's network is larger than the last; children start
# from their parent's function, so a couple of epochs keep them far above chance (10%).
assert len(steps) == 5, "the start and one row per step"
assert steps[4].params > steps[0].params and steps[4].depth >= steps[0].depth, "the network grew"
assert len(steps | where accuracy > 80%) == 5, "every kept network is above 80% on validation"
print("grew from", steps[0].params, "to", steps[4].params, "parameters; validation accuracy",
      steps[0].accuracy, "→", steps[4].accuracy)
