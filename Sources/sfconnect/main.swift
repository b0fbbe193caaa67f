print("sfconnect")
