#!/bin/bash
# sqlite_job.sh - the benchmark job in sqlite3 (in-memory database): import
# the BACI file, bilateral totals in USD, growth (LAG) and ranks (RANK()).
# usage: sqlite_job.sh BACI.csv OUTDIR
set -eu
sqlite3 :memory: <<SQL
.mode csv
.import '$1' baci
CREATE TABLE tot AS SELECT CAST(t AS INTEGER) AS t, CAST(i AS INTEGER) AS i,
  CAST(j AS INTEGER) AS j, SUM(CAST(v AS REAL)) * 1000 AS value
  FROM baci GROUP BY 1, 2, 3;
.headers on
.output '$2/tot.csv'
SELECT * FROM tot ORDER BY t, i, j;
.output '$2/growth.csv'
SELECT i, j, t, value,
  100 * (value / LAG(value) OVER (PARTITION BY i, j ORDER BY t) - 1) AS growth_pct FROM tot;
.output '$2/rank.csv'
SELECT t, i, j, value, RANK() OVER (PARTITION BY t ORDER BY value DESC) AS rank FROM tot;
SQL
