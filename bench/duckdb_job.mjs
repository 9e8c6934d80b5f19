// duckdb_job.mjs - the benchmark job in DuckDB (@duckdb/node-api): BACI file
// -> bilateral totals per (year, exporter, importer) in USD, then growth
// (LAG) and ranks (RANK()), each written to CSV like the trade pipeline.
// usage: node duckdb_job.mjs BACI.csv OUTDIR [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [file, out, threads = '2'] = process.argv.slice(2);
const q = (s) => s.replace(/'/g, "''");
const inst = await DuckDBInstance.create(':memory:', { threads });
const con = await inst.connect();
await con.run(`CREATE TEMP TABLE tot AS
  SELECT t, i, j, SUM(v) * 1000 AS value
  FROM read_csv('${q(file)}', header = true,
       columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR',
                  'v': 'DOUBLE', 'q': 'VARCHAR'})
  GROUP BY t, i, j`);
await con.run(`COPY (SELECT * FROM tot ORDER BY t, i, j) TO '${q(out)}/tot.csv' (HEADER)`);
await con.run(`COPY (SELECT i, j, t, value,
    100 * (value / LAG(value) OVER (PARTITION BY i, j ORDER BY t) - 1) AS growth_pct
  FROM tot) TO '${q(out)}/growth.csv' (HEADER)`);
await con.run(`COPY (SELECT t, i, j, value,
    RANK() OVER (PARTITION BY t ORDER BY value DESC) AS rank
  FROM tot) TO '${q(out)}/rank.csv' (HEADER)`);
