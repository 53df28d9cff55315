search --db @DB@ --format jsonl --fields id,title,date --limit 3 Taurus
