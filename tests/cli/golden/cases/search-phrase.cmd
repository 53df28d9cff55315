search --db @DB@ --limit 2 "\"Kerch Bridge\""
