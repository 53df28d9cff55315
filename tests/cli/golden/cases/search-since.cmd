search --db @DB@ --count --since 2024-02 Taurus
