def handle():
    print("cleaned")  # safe: a Django management command
