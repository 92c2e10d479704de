# A malformed NB201 string: the error names the part that is wrong.
a = arch(nb201(), "|nor_conv_3x3~0|+|conv_7x7~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
# expect error: 'conv_7x7~0' is not 'op~input'
print("not reached")
