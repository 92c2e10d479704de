# A power that overflows is an error at the expression, not inf.
print(1)   # expect: 1
x = 10 ** 1000
# expect error: 10 ** 1000 overflows: the result is beyond 1.8e308, the largest number
