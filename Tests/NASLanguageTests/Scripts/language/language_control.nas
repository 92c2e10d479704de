# if / else, for, while, break and continue.
x = 7
if x > 5 { print("big") } else { print("small") }     # expect: big
if x > 10 {
  print("huge")
} else if x > 6 {
  print("fairly big")   # expect: fairly big
} else {
  print("small")
}
total = 0
for i in 1..4 { total = total + i }
print(total)            # expect: 10
for i in 0..<3 { print(i) }
# expect: 0
# expect: 1
# expect: 2
n = 1
while n < 100 { n = n * 2 }
print(n)                # expect: 128
for c in "ab" { print(c) }
# expect: a
# expect: b
for k in {a: 1, b: 2} { print(k) }
# expect: a
# expect: b
found = none
for v in [3, 8, 12, 20] {
  if v < 5 { continue }
  found = v
  break
}
print(found)            # expect: 8
