#!/bin/bash
# trade_job.sh - the benchmark job with trade: import BACI to bilateral
# totals, then growth and ranks.
# usage: trade_job.sh TRADE BACI.csv OUTDIR
set -eu
"$1" import baci "$2" -o "$3/tot.csv"
"$1" growth "$3/tot.csv" -o "$3/growth.csv"
"$1" rank "$3/tot.csv" -o "$3/rank.csv"
