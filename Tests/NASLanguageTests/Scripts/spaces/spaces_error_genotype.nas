genotype("Genotype(normal=[('sep_conv_3x3', 0)], normal_concat=[2], reduce=[], reduce_concat=[2])")   # expect error: the normal cell has 1 (op, input) pairs; 4 nodes need 8
