search --db @DB@ --ids --offset 2 --limit 2 Taurus
