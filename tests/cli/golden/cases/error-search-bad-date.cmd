search --db @DB@ --since 2024-13 Taurus
