print("proxylite-top")
