cost(mobilenetv2(), input: [3, 224])   # expect error: an input shape is [channels, height, width] with 3 positive whole numbers
