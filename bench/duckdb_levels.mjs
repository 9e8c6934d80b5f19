// duckdb_levels.mjs - the level benchmark's job in DuckDB (@duckdb/node-api):
// a BACI file -> sums per (year, exporter, importer[, product prefix]) in
// USD, then growth between the years of each series (LAG) and ranks within
// (year, exporter) (RANK()), each written to CSV, as trade import, growth
// and rank do. Values read as DECIMAL(18,3) (3 decimals, as BACI writes them), summed
// exactly into DECIMAL(38,3), like trade's exact sums.
// usage: node duckdb_levels.mjs BACI.csv OUTDIR LEVEL [THREADS]
//        LEVEL total, hs2, hs4 or hs6
import { DuckDBInstance } from '@duckdb/node-api';

const [file, out, level, threads = '2'] = process.argv.slice(2);
const q = (s) => s.replace(/'/g, "''");
const n = { total: 0, hs2: 2, hs4: 4, hs6: 6 }[level];
if (n === undefined) throw new Error(`level ${level}`);
const prod = n ? `, substr(k, 1, ${n}) AS p` : '';
const key = n ? ', p' : '';
const inst = await DuckDBInstance.create(':memory:', { threads });
const con = await inst.connect();
await con.run(`CREATE TEMP TABLE tot AS
  SELECT t, i, j${prod}, SUM(v) * 1000 AS value
  FROM read_csv('${q(file)}', header = true,
       columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR',
                  'v': 'DECIMAL(18,3)', 'q': 'VARCHAR'})
  GROUP BY ALL`);
await con.run(`COPY (SELECT * FROM tot ORDER BY t, i, j${key}) TO '${q(out)}/tot.csv' (HEADER)`);
await con.run(`COPY (SELECT i, j${key}, t, value,
    100 * (value / LAG(value) OVER (PARTITION BY i, j${key} ORDER BY t) - 1) AS growth_pct
  FROM tot) TO '${q(out)}/growth.csv' (HEADER)`);
await con.run(`COPY (SELECT t, i, j${key}, value,
    RANK() OVER (PARTITION BY t, i ORDER BY value DESC) AS rank
  FROM tot) TO '${q(out)}/rank.csv' (HEADER)`);
