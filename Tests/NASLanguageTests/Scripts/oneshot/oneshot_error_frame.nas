s = segment(frame: resnet18())
# expect error: the frame of a segment slice must be an architecture of the space
