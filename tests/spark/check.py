"""Annotates the dev corpora through Apache Spark (local mode) with scripts/spark/annotate.py and
checks the result equals plain `newsmark annotate` byte for byte.

    python tests/spark/check.py NEWSMARK_BINARY CORPUS.jsonl... (run by tests/spark/run.sh)

Each corpus is read with several partitions, so the binary runs once per partition, shipped to
the executors with addFile (what --files does) and found through SparkFiles. One corpus also goes
the recipe's whole way: saveAsTextFile, then the part files concatenated.
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "spark"))

from pyspark import SparkConf, SparkContext  # noqa: E402

import annotate  # noqa: E402


def plain(binary, path):
    result = subprocess.run([binary, "annotate", path], stdout=subprocess.PIPE, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"plain annotate of {path} failed: {result.returncode}")
    return result.stdout


def main():
    binary, corpora = sys.argv[1], sys.argv[2:]
    conf = SparkConf().setMaster("local[2]").setAppName("newsmark-spark-check")
    conf.set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    sc.addFile(os.path.abspath(binary))
    sc.addPyFile(annotate.__file__)  # the executors' Python workers import it too
    name = os.path.basename(binary)
    failures = 0
    for path in corpora:
        lines = sc.textFile(path, minPartitions=4)
        out = annotate.annotate(lines, binary=name, jobs=1).collect()
        spark = "".join(line + "\n" for line in out).encode("utf-8")
        want = plain(binary, path)
        same = spark == want
        failures += not same
        print(
            f"{os.path.basename(path)}: {lines.getNumPartitions()} partitions, "
            f"{len(out)} documents, {len(spark)} bytes: "
            + ("same bytes as plain annotate" if same else "DIFFERENT from plain annotate")
        )
    # The recipe's own output: part files in a directory, concatenated in order.
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "annotated")
        annotate.annotate(sc.textFile(corpora[0], minPartitions=3), name).saveAsTextFile(target)
        parts = sorted(p for p in os.listdir(target) if p.startswith("part-"))
        data = b"".join(open(os.path.join(target, p), "rb").read() for p in parts)
        same = data == plain(binary, corpora[0])
        failures += not same
        print(f"saveAsTextFile: {len(parts)} part files: " + ("same bytes" if same else "DIFFERENT"))
    sc.stop()
    if failures:
        raise SystemExit(f"{failures} Spark output(s) differ from plain annotate")


if __name__ == "__main__":
    main()
