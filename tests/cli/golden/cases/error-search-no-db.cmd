search --db @TMP@/none Taurus
