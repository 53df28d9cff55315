search --db @DB@ --since "" Taurus
