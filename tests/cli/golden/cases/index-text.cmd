index --db @TMP@/db --jobs 1 @CORPUS@/text
