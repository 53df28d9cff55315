index --db tcp://localhost:1 @CORPUS@/text
