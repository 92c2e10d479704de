# Table expressions check their arithmetic as the language does: an overflow is an error, not inf.
t = table([{a: 1e300}, {a: 2}])
t | extend b: a * 2 | select b
# expect:      b
# expect: ------
# expect: 2e+300
# expect:      4
t | extend c: a * 1e300   # expect error: overflows: the result is beyond 1.8e308
