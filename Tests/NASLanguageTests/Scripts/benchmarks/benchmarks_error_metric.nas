nb201(metric: "tst")   # expect error: the NB201 metric is 'valid' or 'test', not 'tst'
