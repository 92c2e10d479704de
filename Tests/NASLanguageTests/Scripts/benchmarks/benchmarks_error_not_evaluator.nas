evaluate(nb201(), sample(nb201(), seed: 1))   # expect error: evaluator must be an evaluator or a latency table, got a space
