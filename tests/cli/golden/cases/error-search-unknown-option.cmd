search --db @DB@ --frobnicate Taurus
