search --db @DB@ --format json --limit 2 WebEx
