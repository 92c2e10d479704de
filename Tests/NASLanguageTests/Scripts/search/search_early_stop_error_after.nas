curve_stop(threshold: 5%, after: 2)   # expect error: early stopping needs at least 3 epochs before its first decision, not 2
