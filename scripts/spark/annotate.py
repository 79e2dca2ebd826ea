"""Annotates a JSONL corpus with `newsmark annotate` on Apache Spark.

Each partition of the input (one document per line, the corpus format) is streamed through the
newsmark binary in a subprocess on the executor; the output directory gets one JSONL part file
per partition, in input order (part-00000, part-00001, ...: their concatenation is what plain
`newsmark annotate` writes). The binary is shipped with the job (`--files`) and found on each
executor with SparkFiles, so nothing needs installing on the cluster but Spark.

    spark-submit --master yarn --files target/release/newsmark \\
        scripts/spark/annotate.py hdfs:///archive/2024/*.jsonl hdfs:///annotated/2024

Options: --binary NAME (the file name given to --files, or a path on every executor; default
newsmark), --jobs N (threads per task, default 1: Spark already runs a task per core),
--partitions N (at least this many input partitions).

Lines that newsmark cannot annotate (not JSON, no string `text`, a bad `dct`) are left out and
reported on the executors' standard error, as `newsmark annotate` does; any other failure of the
binary fails the task (and Spark retries it).
"""

import argparse
import os
import stat
import subprocess
import threading

from pyspark import SparkContext, SparkFiles


def binary_path(binary):
    """The binary on this executor: a file shipped with --files / addFile, else a path."""
    if os.sep not in binary:
        shipped = SparkFiles.get(binary)
        if os.path.exists(shipped):
            binary = shipped
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return binary


def annotate_partition(binary, jobs):
    """A mapPartitions function: the partition's lines through `newsmark annotate`."""

    def run(lines):
        process = subprocess.Popen(
            [binary_path(binary), "annotate", "--jobs", str(jobs)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        failure = []

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8"))
                    process.stdin.write(b"\n")
            except BaseException as e:  # reported once the output is read
                failure.append(e)
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for out in process.stdout:
            yield out.rstrip(b"\n").decode("utf-8")
        feeder.join()
        status = process.wait()
        if failure:
            raise failure[0]
        # 1: some lines were bad (reported, left out); anything else is a real failure.
        if status not in (0, 1):
            raise RuntimeError(f"newsmark annotate exited with status {status}")

    return run


def annotate(lines, binary="newsmark", jobs=1):
    """An RDD of corpus JSONL lines → the RDD of annotated lines, in the same order."""
    return lines.mapPartitions(annotate_partition(binary, jobs), preservesPartitioning=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL input: a file, directory or glob (any Hadoop path)")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--binary", default="newsmark")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()
    sc = SparkContext.getOrCreate()
    lines = sc.textFile(args.input, minPartitions=args.partitions)
    annotate(lines, args.binary, args.jobs).saveAsTextFile(args.output)
    sc.stop()


if __name__ == "__main__":
    main()
