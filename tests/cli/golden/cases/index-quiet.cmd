index --db @TMP@/db --jobs 1 --quiet @CORPUS@/text
