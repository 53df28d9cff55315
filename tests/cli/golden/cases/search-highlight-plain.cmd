search --db @DB@ --highlight plain --hl-start ">>" --hl-end "<<" --limit 1 WebEx
