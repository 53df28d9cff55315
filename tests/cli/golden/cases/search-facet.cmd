search --db @DB@ --facet lang --facet source --limit 0 Taurus
