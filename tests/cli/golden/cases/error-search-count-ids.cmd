search --db @DB@ --count --ids Taurus
