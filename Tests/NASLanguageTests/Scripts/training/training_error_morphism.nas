grow(dataset("digits"), neighbours: 0)   # expect error: neighbours must be 1…1000 children, got 0
