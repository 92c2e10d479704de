segment(skeleton: "resnt")   # expect error: there is no segment skeleton 'resnt'; did you mean 'resnet'?
