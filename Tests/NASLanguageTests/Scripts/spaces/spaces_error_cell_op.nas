cell(ops: ["sep_conv_3x3", "bogus_op"])   # expect error: unknown operation 'bogus_op'
