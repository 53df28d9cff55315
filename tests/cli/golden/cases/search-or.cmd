search --db @DB@ --limit 3 "Taurus OR \"Storm Shadow\""
