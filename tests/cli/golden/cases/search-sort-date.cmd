search --db @DB@ --ids --sort date --limit 5 Taurus
