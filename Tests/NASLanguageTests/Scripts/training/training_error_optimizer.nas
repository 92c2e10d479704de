train(dataset("digits"), optimizer: "adamw")   # expect error: there is no optimizer 'adamw'; did you mean 'adam'?
