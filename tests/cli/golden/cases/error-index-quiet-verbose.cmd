index --db @TMP@/db -q -v @CORPUS@/text
