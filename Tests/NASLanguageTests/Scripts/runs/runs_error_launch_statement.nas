# a launch statement missing a part says how the statement reads
u = launch random() on space budget 5
# expect error: expected 'using', found a name: the launch statement reads 'launch STRATEGY on SPACE using EVALUATOR budget N'
