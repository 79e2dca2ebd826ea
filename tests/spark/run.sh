#!/usr/bin/env bash
# The Spark test: annotates the dev corpora through Apache Spark in local mode and checks the
# output equals plain `newsmark annotate` byte for byte. Installs PySpark from PyPI into a
# virtualenv when missing (NEWSMARK_SPARK_VENV, default ~/.cache/newsmark-spark-venv); needs
# Java 17+ and python3. Run from anywhere: bash tests/spark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=${NEWSMARK_SPARK_VENV:-$HOME/.cache/newsmark-spark-venv}
pyspark_version=4.0.1
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pyspark==$pyspark_version"
fi
command -v java >/dev/null || { echo "the Spark test needs Java 17 or later" >&2; exit 1; }

corpus=../shared/corpus
shopt -s nullglob
corpora=("$corpus"/*_dev.jsonl)
if [ ${#corpora[@]} -eq 0 ]; then
  echo "no $corpus/*_dev.jsonl here: the Spark test has nothing to annotate" >&2
  exit 1
fi
cargo build --release --bin newsmark
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" tests/spark/check.py \
  target/release/newsmark "${corpora[@]}"
