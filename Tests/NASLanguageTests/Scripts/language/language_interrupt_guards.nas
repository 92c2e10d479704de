fn forever(n) { forever(n + 1) }
forever(0)     # expect error: too many nested calls (more than 200)
