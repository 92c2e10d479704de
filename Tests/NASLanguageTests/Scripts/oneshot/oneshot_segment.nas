# segment()'s supernet keeps a frame's widths, depths, skips and activation and mixes each block's
# 16 op combinations; segment(frame:) is that slice as a space: 16^7 architectures on MnasNet's 7 blocks
s = segment(frame: "mnasnet_a1")
print(size(s))                                              # expect: 268435456
print(size(segment(frame: mobilenetv2())) == size(s))       # expect: true
print(size(segment(skeleton: "resnet", frame: "resnet18"))) # expect: 65536
