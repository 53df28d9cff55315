search --db @DB@ "\"unclosed"
