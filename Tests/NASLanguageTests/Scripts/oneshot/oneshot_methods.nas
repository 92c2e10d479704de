# every one-shot method on the one loop: one epoch each on a tiny supernet, one trial per epoch
data = dataset("digits", train: 200, valid: 50, test: 50, seed: 1)
recipe = train(data, epochs: 1, batch: 32, lr: 0.05)
space = nb201(channels: 4, cells: 1)
for m in [darts(order: 2), snas(), gdas(), proxyless(), enas(controller_steps: 2), spos()] {
  r = launch(m, on: space, using: recipe, budget: 5, seed: 1)
  wait(r);
  print(r.strategy, r.status, len(trials(r)))
}
# expect: darts done 1
# expect: snas done 1
# expect: gdas done 1
# expect: proxyless done 1
# expect: enas done 1
# expect: spos done 1
# ProxylessNAS's latency loss: without a latency evaluator beside the recipe, the cost model's multiply-accumulates
p = launch(proxyless(latency_weight: 0.5), on: space, using: recipe, budget: 1, seed: 1)
wait(p);
print(best(p).expected_macs > 0)                           # expect: true
