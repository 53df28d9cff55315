search --db @DB@ --limit 2 "Scholz NEAR/5 Taurus"
