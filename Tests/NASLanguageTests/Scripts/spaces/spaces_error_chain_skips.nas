chain(skips: "resnt")   # expect error: there is no skip pattern 'resnt'; did you mean 'resnet'?
