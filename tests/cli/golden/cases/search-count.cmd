search --db @DB@ --count Taurus
