search --db @DB@ --limit 1 Pistorus
