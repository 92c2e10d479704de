crossover(mobilenetv2(), darts_v2())   # expect error: crossover needs two parents of the same space
