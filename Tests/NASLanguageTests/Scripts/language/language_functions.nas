# Functions: defaults, keywords, recursion, closures, implicit last value.
fn area(w, h: 2) { w * h }
print(area(3))              # expect: 6
print(area(3, h: 5))        # expect: 15
print(area(h: 4, w: 2))     # expect: 8
fn fib(n) {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
print(fib(15))              # expect: 610
fn make_adder(k) { fn(x) { x + k } }
add3 = make_adder(3)
print(add3(4))              # expect: 7
print(map([1, 2, 3], fn(x) { x * 10 }))   # expect: [10, 20, 30]
print(filter(range(10), fn(x) { x > 6 }))  # expect: [7, 8, 9]
fn mnas(acc, lat, target: 20ms, w: -0.07) { acc * (lat / target) ** w }
print(round(mnas(0.9, 20ms), 4))          # expect: 0.9
print(area(3, hh: 1))       # expect error: area() has no parameter 'hh'; did you mean 'h'?
