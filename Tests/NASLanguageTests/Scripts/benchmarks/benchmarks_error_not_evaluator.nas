evaluate(nb201(), sample(nb201(), seed: 1))   # expect error: evaluator must be an evaluator, a latency table, a latency predictor or a list of them, got a space
