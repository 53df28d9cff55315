search --db @DB@ 'AND OR'
