search --db @DB@ --ids "Taurus -Scholz"
