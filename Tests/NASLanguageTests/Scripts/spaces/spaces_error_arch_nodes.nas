# A string with too few nodes.
print("before")   # expect: before
arch(nb201(), "|nor_conv_3x3~0|+|skip_connect~0|none~1|")   # expect error: has 3 nodes separated by '+', found 2
