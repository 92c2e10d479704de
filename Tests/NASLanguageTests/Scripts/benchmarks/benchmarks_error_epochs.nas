nb201(epochs: 50)   # expect error: the NB201 table has results after 12 and 200 epochs only, not 50
