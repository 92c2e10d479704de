# sqrt of a negative number is an error at the call, not nan.
x = sqrt(-1)
# expect error: sqrt(-1) is not a real number: it needs x ≥ 0
