index --db @TMP@/db --jobs 1 --synonyms @WORK@/synonyms.txt @CORPUS@/text/cisco-earnings-webex.txt
