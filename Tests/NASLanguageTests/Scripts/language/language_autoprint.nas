# In a script, every top-level expression's value is printed unless ';' ends it.
1 + 2                   # expect: 3
"quoted"                # expect: "quoted"
x = 5
x                       # expect: 5
x * 2;
[1, 2]                  # expect: [1, 2]
none
print("printed")        # expect: printed
