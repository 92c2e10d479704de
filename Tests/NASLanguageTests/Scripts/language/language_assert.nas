# A failed assert stops the script with exit status 1.
assert 1 + 1 == 2, "arithmetic"
print("before")          # expect: before
acc = 0.82
assert acc >= 0.85, "search regressed"   # expect error: assertion failed: search regressed (left: 0.82, right: 0.85)
print("never")
# expect exit: 1
