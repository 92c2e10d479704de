space("bad", inputs("in", "resnet"))   # expect error: inputs 'in' must be inside a repeat
