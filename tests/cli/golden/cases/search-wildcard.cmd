search --db @DB@ --ids inter*
