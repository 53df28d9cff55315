search --db @DB@ --format xml Taurus
