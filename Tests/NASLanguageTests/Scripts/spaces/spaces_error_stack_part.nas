stack([choice("op", ["conv3x3"]), 3])   # expect error: parts must hold specs (from choice, repeat, stack, …), got a plain number (3)
