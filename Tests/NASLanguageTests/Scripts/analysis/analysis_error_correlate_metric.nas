# correlate: a metric an evaluator does not give is an error that names the evaluator and what it gives
s = nb201()
correlate(nb201(dataset: "cifar10", epochs: 12), nb201(dataset: "cifar10"), sample(s, n: 5, seed: 1), metric: ["accuracy", "acuracy"])
# expect error: the second evaluator, nb201(dataset: cifar10, epochs: 200, metric: valid, trial: mean), gives no metric 'acuracy'
