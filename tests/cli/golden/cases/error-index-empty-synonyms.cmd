index --db @TMP@/db --synonyms "" @CORPUS@/text
