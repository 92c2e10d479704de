print(round(3.14159, digts: 2))   # expect error: round() has no argument 'digts'; did you mean 'digits'?
