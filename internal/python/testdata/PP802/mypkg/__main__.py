from mypkg.loader import load

print(load("data.txt"))  # safe: __main__.py is a script
