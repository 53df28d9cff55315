index --db @TMP@/db - -
