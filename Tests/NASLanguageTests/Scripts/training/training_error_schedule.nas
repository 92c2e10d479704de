train(dataset("digits"), schedule: "cosin")   # expect error: there is no schedule 'cosin'; did you mean 'cosine'?
