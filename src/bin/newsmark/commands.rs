//! The commands of `newsmark`: what each takes and its help. [`ALL`] is the one list the
//! dispatcher looks names up in and the overview is written from.

use crate::args::Command;

/// The overview: every command's usage.
pub fn overview() -> String {
    let usages: String = ALL.iter().map(|c| format!("  {}\n", c.usage)).collect();
    format!(
        "newsmark: highlights named entities, direct quotations and dates in news text\n\n\
         usage:\n{usages}  newsmark help [COMMAND]\n\n\
         Run `newsmark COMMAND --help` for the details of a command."
    )
}

/// Every command, in the overview's order.
pub const ALL: [&Command; 6] = [&ANNOTATE, &HIGHLIGHT, &EVAL, &TRAIN_NER, &CV_NER, &BENCH];

/// The command called `name`.
pub fn find(name: &str) -> Option<&'static Command> {
    ALL.iter().copied().find(|c| c.name == name)
}

pub const ANNOTATE: Command = Command {
    name: "annotate",
    usage: "newsmark annotate [IN.jsonl] [OUT.jsonl] [--jobs N] [--model FILE]",
    help: "\
Annotates documents in the corpus JSONL format (../shared/corpus/FORMAT.md), one JSON object per
line, reading IN.jsonl (standard input when omitted or `-`) and writing OUT.jsonl (standard output
when omitted or `-`). It streams: memory stays bounded however long the input, and documents
are written in input order.

  --jobs N    analyze on N threads (default: the available parallelism of the machine); each
              thread builds its own analyzer, about 18 MB
  --model FILE  tag names with this entity model file (as `newsmark train-ner --out FILE`
              writes it) instead of the model built into newsmark; a file that is no such
              model is refused before anything is read or written

A file OUT.jsonl is written to a temporary file beside it (.OUT.jsonl.newsmark-PID.tmp) and
renamed into place when done, so it is never left half written; an OUT.jsonl that is IN.jsonl
(the same device and inode: the same path, a hard link, a symlink) is refused. A UTF-8 byte order
mark at the start of the input is skipped.

Each document needs a string `text`; `dct` (an ISO date YYYY-MM-DD, or null or absent) is the
reference date that relative dates (\"Friday\", \"last week\") resolve against. Every field is written
back byte for byte as given (numbers of any size or precision, escapes, repeated keys), in the same
order, except `spans`, which is replaced by what newsmark finds:
  {\"start\", \"end\", \"label\"}   offsets in Unicode code points (Python str indices), end exclusive;
                              label PERSON, ORG, PLACE, MISC, DATE, TIME, DURATION, SET or QUOTE
  \"value\"                     on DATE/TIME/DURATION/SET: the TIMEX3 value, when resolved
  \"speaker\", \"speaker_start\", \"speaker_end\"
                              on an attributed QUOTE: the speaker mention and its offsets

An escaped lone surrogate in `text` (\"\\ud800\", which JSON allows) is analyzed as U+FFFD, one code
point as Python counts it, so offsets are unchanged. Blank lines are skipped. A line that is not
valid JSON, not an object, has no string `text` or has a bad `dct` is reported on standard error
with its line number and left out; the other documents are still written, and the exit status is
then 1.",
    values: &["--jobs", "--model"],
    switches: &[],
    max_positional: 2,
};

pub const HIGHLIGHT: Command = Command {
    name: "highlight",
    usage: "newsmark highlight FILE.txt [--reference-date YYYY-MM-DD] [--format json|html] [--model FILE]",
    help: "\
Analyzes one text file (`-` for standard input, UTF-8; a leading byte order mark is skipped and
offsets count from after it) and prints the result.

  --reference-date YYYY-MM-DD   the date relative expressions resolve against (default: the date
                                the article's dateline states, if any)
  --format json                 (default) the analysis as pretty JSON: `spans` (start, end, text,
                                kind, and value / entity / speaker / cue when present), `entities`
                                (id, kind, name, mentions) and `referenceDate`. ALL OFFSETS ARE
                                UNICODE CODE POINTS (Python str indices), not bytes or UTF-16 units.
  --format html                 a standalone HTML page: each span a <mark class=\"person|org|place|
                                misc|date|time|duration|set|quote\"> with a title giving its kind,
                                value, entity and speaker; spans inside quotations nest inside the
                                quotation's mark, crossing spans are split; all text is escaped.
  --model FILE                  tag names with this entity model file (as `newsmark train-ner
                                --out FILE` writes it) instead of the built-in model",
    values: &["--reference-date", "--format", "--model"],
    switches: &[],
    max_positional: 1,
};

pub const EVAL: Command = Command {
    name: "eval",
    usage: "newsmark eval GOLD.jsonl... [--pred PRED.jsonl | --model FILE] [--json] [--speaker-entities]",
    help: "\
Scores newsmark against gold corpora (../shared/corpus), with the figures and the table of
../shared/eval/score.py: per layer exact and lenient P/R/F1 (entities per label, micro and
untyped; dates as one timex class, typed, type accuracy, value accuracy and TempEval-3 value
P/R/F1; quotes with speaker accuracy and recall). A layer is scored only over the gold documents
whose `layers` include it.

Without --pred, each gold file's documents are annotated (their `text` and `dct` only; gold spans
are ignored) and scored, and a table is printed per file under `== FILE ==`. The figures are those
of `newsmark annotate GOLD PRED` then `score.py GOLD PRED`, except that the note \"[system predicts
nothing for this layer]\" here reflects newsmark's own spans (annotate's output keeps the gold
`layers`, which score.py takes as a claim to predict the layer).

  --pred PRED.jsonl   score this prediction file instead of annotating (one GOLD file only):
                      the same as `score.py GOLD PRED`
  --model FILE        annotate with this entity model file (as `newsmark train-ner --out FILE`
                      writes it) instead of the built-in model: a model trained with other
                      settings is scored without rebuilding newsmark
  --json              print score.py's --json dictionary instead of the table (with several
                      GOLD files: an object with one such dictionary per GOLD path)
  --speaker-entities  also score the speaker entity of quotes (score.py --speaker-entities):
                      over matched gold quotes with `speaker_entity_names`, overall and for
                      pronoun speakers

Gold documents that cannot be annotated (no string `text`, bad `dct`) are reported on standard
error, count as predicting nothing, and make the exit status 1. So does broken gold, reported per
line and span: an offset that is negative, fractional or not a number, past the end of the text,
a start after its end, an empty span, an unknown label (score.py skips such spans silently, or
scores an offset past the end; the figures stay score.py's). A UTF-8 byte order mark at the start
of a file is skipped.",
    values: &["--pred", "--model"],
    switches: &["--json", "--speaker-entities"],
    max_positional: usize::MAX,
};

pub const TRAIN_NER: Command = Command {
    name: "train-ner",
    usage: "newsmark train-ner [GOLD.jsonl...] [--exclude GOLD.jsonl] [--silver FILE] [--out FILE] [--epochs N] [--bits B] [--prune N] [--runs N] [--word-dropout P] [--margin M]",
    help: "\
Trains the entity tagger (an averaged perceptron over BIO tags) on the entity layer of gold corpus
files, tokenized as `analyze` tokenizes, and writes the model file the crate embeds.
Deterministic: the same inputs give a byte-identical model. Without GOLD files it trains on what
the embedded model was trained on: ../shared/corpus/conll_train.jsonl and gum_all_dev.jsonl, less
the documents of gum_news_dev.jsonl, with the silver file target/silver/polnear_train.jsonl.

  --exclude FILE  leave out the documents (by id) of this file, gold or silver (default,
                  without GOLD files: ../shared/corpus/gum_news_dev.jsonl)
  --silver FILE   unlabeled documents with another tagger's names, as
                  scripts/data/silver_entities.py writes spaCy's: a first model is trained on
                  the gold files, and the sentences with names where it finds exactly the same
                  ones are added to the training data of the model written (default, without
                  GOLD files: target/silver/polnear_train.jsonl, which the script writes;
                  otherwise none; `none` for none; see src/bin/newsmark/silver.rs)
  --out FILE    where to write the model (default: src/entities/model.bin, which the crate
                embeds; `annotate`, `eval` and `highlight` read another with --model FILE)
  --epochs N    passes over the data (default: 10)
  --bits B      the weight table has 2^B rows (default: 18)
  --prune N     drop quantized weights of at most N steps of 127 (default: 5)
  --shuffle-seed S  seeds the order sentences are trained in (default: the one model.bin used)
  --runs N      average the weights of N perceptrons, each trained in its own sentence order
                (its seed mixed from S and the run's number; default: 5)
  --word-dropout P  in each pass, hide the word's own features at P per mille of the tokens
                of names, so that the tagger learns kinds from context too (default: 150)
  --margin M    train cost-augmented: every wrong tag scores M more while learning, so the
                gold tags must win by a margin (default: 32; 0 is the plain perceptron)",
    values: &[
        "--out",
        "--epochs",
        "--bits",
        "--exclude",
        "--silver",
        "--prune",
        "--shuffle-seed",
        "--runs",
        "--word-dropout",
        "--margin",
    ],
    switches: &[],
    max_positional: usize::MAX,
};

pub const CV_NER: Command = Command {
    name: "cv-ner",
    usage: "newsmark cv-ner [--over GOLD.jsonl] [--with GOLD.jsonl] [--silver FILE] [--folds K] [--shuffle-seeds S,S...] [--jobs N] [--errors FILE] [--pred FILE] [--epochs N] [--bits B] [--prune N] [--runs N] [--word-dropout P] [--margin M]",
    help: "\
K-fold cross-validation of the entity tagger: the documents of the --over file are split into K
folds by a hash of their ids; each fold is tagged (the whole entity layer: tagger and post-passes)
by a model trained on the other folds plus every document of the --with file, and scored exactly
(start, end and kind match). Prints each fold's micro F1 (precision, recall, per label), the
pooled F1 over all folds and the mean of the folds; with several seeds, the spread over seeds.
Use it to choose settings; the dev files only confirm.

  --over FILE           the documents split into folds (default: ../shared/corpus/gum_all_dev.jsonl)
  --with FILE           added to every fold's training data (default with the default --over:
                        ../shared/corpus/conll_train.jsonl; `none` for nothing)
  --silver FILE         as for train-ner, each fold's first model trained on the fold's training
                        data; documents with the id of one of --over's are left out (default: none)
  --folds K             number of folds (default: 5)
  --shuffle-seeds LIST  comma-separated seeds of the training order, one whole run each
                        (default: the seed train-ner uses)
  --jobs N              folds trained at the same time (default: 1)
  --errors FILE         write every missed (-) and wrong (+) name: document id, byte range,
                        kind and the text around
  --pred FILE           write every document of --over with the names its fold's model found,
                        in the corpus format (for score.py and scripts/eval/); one seed only
  --epochs, --bits, --prune, --runs, --word-dropout, --margin   as for train-ner",
    values: &[
        "--over",
        "--with",
        "--silver",
        "--folds",
        "--shuffle-seeds",
        "--jobs",
        "--errors",
        "--pred",
        "--epochs",
        "--bits",
        "--prune",
        "--runs",
        "--word-dropout",
        "--margin",
    ],
    switches: &[],
    max_positional: 0,
};

pub const BENCH: Command = Command {
    name: "bench",
    usage: "newsmark bench DOCS.jsonl...",
    help: "\
Analyzes the `text` of every document in the files, with the entity layer alone and then with all
layers, and prints tokens per second.",
    values: &[],
    switches: &[],
    max_positional: usize::MAX,
};
