search --db @DB@
