print("naslab")
