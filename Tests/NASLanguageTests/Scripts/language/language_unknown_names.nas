accuracy = 0.9
print(acuracy)   # expect error: unknown name 'acuracy'; did you mean 'accuracy'?
