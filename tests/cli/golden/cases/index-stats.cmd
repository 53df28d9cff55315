index --db @DB@ --stats
