arch(nb201(), 15625)   # expect error: NB201 indices run from 0 to 15624; 15625 is out of range
