# A whole number past the 15-digit limit is "too large", not "not whole".
s = sample(nb201(), seed: 2**70)
# expect error: argument 'seed' of sample() is too large (at most 999,999,999,999,999)
