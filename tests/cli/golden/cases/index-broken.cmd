index --db @TMP@/db --jobs 1 @CORPUS@/text/cisco-earnings-webex.txt @TMP@/missing.txt
