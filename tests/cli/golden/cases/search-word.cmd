search --db @DB@ --limit 3 Taurus
