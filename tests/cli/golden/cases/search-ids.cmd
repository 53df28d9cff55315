search --db @DB@ --ids --limit 5 WebEx
