index --db @TMP@/db
