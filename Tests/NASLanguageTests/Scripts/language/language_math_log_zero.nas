# log(0) is an error at the call, not -inf.
x = log(0)
# expect error: log(0) is minus infinity: it needs x > 0
