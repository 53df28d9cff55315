search --db @DB@ zzyzxnothing
