# A space's size too large for a plain number (a count) compares and computes with plain numbers.
n = size(segment())
print(type(n))   # expect: count
print(n > 1)   # expect: true
print(n < 1e300)   # expect: true
print(n >= n.value)   # expect: true
print(n == n)   # expect: true
print(n == 5)   # expect: false
print(n * 2 > n)   # expect: true
print(n / n)   # expect: 1
n = size(segment())
print(log10(n) > 18)   # expect: true
print(round(n / 1e18, 1))   # expect: 2.2
