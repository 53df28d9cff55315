search --db @DB@ --no-snippets --limit 2 WebEx
