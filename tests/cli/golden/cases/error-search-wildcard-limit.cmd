search --db @DB@ --wildcard-limit 0 Taurus
