index --db @TMP@/db --batch-size -5 @CORPUS@/text
