index --db @TMP@/db --language klingon @CORPUS@/text
