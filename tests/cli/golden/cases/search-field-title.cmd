search --db @DB@ --limit 2 title:Taurus
