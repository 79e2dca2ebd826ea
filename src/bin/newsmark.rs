//! `newsmark`: the command-line tool. Annotates corpus JSONL, highlights a text as JSON or HTML,
//! and scores against gold corpora exactly as `../shared/eval/score.py` does.
//!
//! Exit status: 0 on success, 1 when something failed (a bad input line, an unreadable file), 2 on
//! a usage error.

#[path = "newsmark/annotate.rs"]
mod annotate;
#[path = "newsmark/args.rs"]
mod args;
#[path = "newsmark/corpus.rs"]
mod corpus;
#[path = "newsmark/cv.rs"]
mod cv;
#[path = "newsmark/eval/mod.rs"]
mod eval;
#[path = "newsmark/gold.rs"]
mod gold;
#[path = "newsmark/json.rs"]
mod json;
#[path = "newsmark/raw.rs"]
mod raw;
#[path = "newsmark/train.rs"]
mod train;

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::thread;

use json::Json;
use newsmark::html;
use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Analyzer, Date, Options};

use args::{Command, Parsed};

const OVERVIEW: &str = "\
newsmark: highlights named entities, direct quotations and dates in news text

usage:
  newsmark annotate [IN.jsonl] [OUT.jsonl] [--jobs N]
  newsmark highlight FILE.txt [--reference-date YYYY-MM-DD] [--format json|html]
  newsmark eval GOLD.jsonl... [--pred PRED.jsonl] [--json] [--speaker-entities]
  newsmark train-ner [GOLD.jsonl...] [--exclude GOLD.jsonl] [--out FILE] [--epochs N] [--bits B] [--prune N]
  newsmark cv-ner [--over GOLD.jsonl] [--with GOLD.jsonl] [--folds K] [--shuffle-seeds S,S...] [--jobs N] [--errors FILE] [--epochs N] [--bits B] [--prune N]
  newsmark bench DOCS.jsonl...
  newsmark help [COMMAND]

Run `newsmark COMMAND --help` for the details of a command.";

const ANNOTATE: Command = Command {
    name: "annotate",
    usage: "newsmark annotate [IN.jsonl] [OUT.jsonl] [--jobs N]",
    help: "\
Annotates documents in the corpus JSONL format (../shared/corpus/FORMAT.md), one JSON object per
line, reading IN.jsonl (standard input when omitted or `-`) and writing OUT.jsonl (standard output
when omitted or `-`). It streams: memory stays bounded however long the input, and documents
are written in input order.

  --jobs N    analyze on N threads (default: the available parallelism of the machine); each
              thread builds its own analyzer, about 18 MB

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
    values: &["--jobs"],
    switches: &[],
    max_positional: 2,
};

const HIGHLIGHT: Command = Command {
    name: "highlight",
    usage: "newsmark highlight FILE.txt [--reference-date YYYY-MM-DD] [--format json|html]",
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
                                quotation's mark, crossing spans are split; all text is escaped.",
    values: &["--reference-date", "--format"],
    switches: &[],
    max_positional: 1,
};

const EVAL: Command = Command {
    name: "eval",
    usage: "newsmark eval GOLD.jsonl... [--pred PRED.jsonl] [--json] [--speaker-entities]",
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
    values: &["--pred"],
    switches: &["--json", "--speaker-entities"],
    max_positional: usize::MAX,
};

const TRAIN_NER: Command = Command {
    name: "train-ner",
    usage: "newsmark train-ner [GOLD.jsonl...] [--exclude GOLD.jsonl] [--out FILE] [--epochs N] [--bits B] [--prune N]",
    help: "\
Trains the entity tagger (an averaged perceptron over BIO tags) on the entity layer of gold corpus
files, tokenized as `analyze` tokenizes, and writes the model file the crate embeds.
Deterministic: the same inputs give a byte-identical model. Without GOLD files it trains on what
the embedded model was trained on: ../shared/corpus/conll_train.jsonl and gum_all_dev.jsonl, less
the documents of gum_news_dev.jsonl.

  --exclude FILE  leave out the documents (by id) of this file (default, without GOLD files:
                  ../shared/corpus/gum_news_dev.jsonl)
  --out FILE    where to write the model (default: src/entities/model.bin)
  --epochs N    passes over the data (default: 10)
  --bits B      the weight table has 2^B rows (default: 18)
  --prune N     drop quantized weights of at most N steps of 127 (default: 4)
  --shuffle-seed S  seeds the order sentences are trained in (default: the one model.bin used)",
    values: &["--out", "--epochs", "--bits", "--exclude", "--prune", "--shuffle-seed"],
    switches: &[],
    max_positional: usize::MAX,
};

const CV_NER: Command = Command {
    name: "cv-ner",
    usage: "newsmark cv-ner [--over GOLD.jsonl] [--with GOLD.jsonl] [--folds K] [--shuffle-seeds S,S...] [--jobs N] [--errors FILE] [--epochs N] [--bits B] [--prune N]",
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
  --folds K             number of folds (default: 5)
  --shuffle-seeds LIST  comma-separated seeds of the training order, one whole run each
                        (default: the seed train-ner uses)
  --jobs N              folds trained at the same time (default: 1)
  --errors FILE         write every missed (-) and wrong (+) name: document id, byte range,
                        kind and the text around
  --epochs, --bits, --prune   as for train-ner",
    values: &[
        "--over",
        "--with",
        "--folds",
        "--shuffle-seeds",
        "--jobs",
        "--errors",
        "--epochs",
        "--bits",
        "--prune",
    ],
    switches: &[],
    max_positional: 0,
};

const BENCH: Command = Command {
    name: "bench",
    usage: "newsmark bench DOCS.jsonl...",
    help: "\
Analyzes the `text` of every document in the files, with the entity layer alone and then with all
layers, and prints tokens per second.",
    values: &[],
    switches: &[],
    max_positional: usize::MAX,
};

/// Why a command stopped.
enum Failure {
    /// A usage error: the message, then the command's usage (exit status 2).
    Usage(&'static Command, String),
    /// Anything else (exit status 1).
    Failed(String),
    /// The reader of standard output went away: stop quietly.
    BrokenPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Failed(e.to_string())
        }
    }
}

type Outcome = Result<ExitCode, Failure>;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(arg) => {
                eprintln!("newsmark: argument {arg:?} is not valid UTF-8");
                return ExitCode::from(2);
            }
        }
    }
    let Some(name) = args.first().cloned() else {
        eprintln!("{OVERVIEW}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let command = match name.as_str() {
        "annotate" => &ANNOTATE,
        "highlight" => &HIGHLIGHT,
        "eval" => &EVAL,
        "train-ner" => &TRAIN_NER,
        "cv-ner" => &CV_NER,
        "bench" => &BENCH,
        "-h" | "--help" => return print_help(OVERVIEW),
        "help" => {
            return match rest.first().map(String::as_str) {
                None => print_help(OVERVIEW),
                Some("annotate") => print_help(&ANNOTATE.full_help()),
                Some("highlight") => print_help(&HIGHLIGHT.full_help()),
                Some("eval") => print_help(&EVAL.full_help()),
                Some("train-ner") => print_help(&TRAIN_NER.full_help()),
                Some("cv-ner") => print_help(&CV_NER.full_help()),
                Some("bench") => print_help(&BENCH.full_help()),
                Some(other) => {
                    eprintln!("newsmark: no command {other:?}\n\n{OVERVIEW}");
                    ExitCode::from(2)
                }
            };
        }
        "-V" | "--version" => {
            println!("newsmark {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("newsmark: unknown command {other:?}\n\n{OVERVIEW}");
            return ExitCode::from(2);
        }
    };
    let outcome = match command.parse(rest) {
        Err(args::Error::Help) => return print_help(&command.full_help()),
        Err(args::Error::Usage(message)) => Err(Failure::Usage(command, message)),
        Ok(parsed) => match command.name {
            "annotate" => annotate(&parsed),
            "highlight" => highlight(&parsed),
            "train-ner" => train_ner(&parsed),
            "cv-ner" => cv_ner(&parsed),
            "bench" => bench(&parsed),
            _ => evaluate(&parsed),
        },
    };
    match outcome {
        Ok(code) => code,
        Err(Failure::Usage(command, message)) => {
            eprintln!(
                "newsmark {}: {message}\n\nusage: {}\nRun `newsmark {} --help` for more.",
                command.name, command.usage, command.name
            );
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("newsmark {}: {message}", command.name);
            ExitCode::FAILURE
        }
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
    }
}

fn print_help(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}") {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

/// How a path given on the command line is named in messages.
fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

fn annotate(parsed: &Parsed) -> Outcome {
    let input = parsed.positional.first().map_or("-", String::as_str);
    let output = parsed.positional.get(1).map_or("-", String::as_str);
    let jobs = match parsed.value("--jobs") {
        None => thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(Failure::Usage(
                    &ANNOTATE,
                    format!("--jobs: expected a number of threads, 1 or more, not {n:?}"),
                ))
            }
        },
    };
    let summary = match annotate::run(input, output, jobs) {
        Ok(summary) => summary,
        Err(annotate::Stop::Io(e)) => return Err(e.into()),
        Err(annotate::Stop::Failed(why)) => return Err(Failure::Failed(why)),
    };
    if summary.failed > 0 {
        eprintln!(
            "newsmark annotate: {} line{} failed; {} document{} written",
            summary.failed,
            plural(summary.failed),
            summary.written,
            plural(summary.written)
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn train_ner(parsed: &Parsed) -> Outcome {
    let corpus = |name: &str| format!("../shared/corpus/{name}.jsonl");
    let default = parsed.positional.is_empty();
    let exclude = match parsed.value("--exclude") {
        Some(path) => vec![path.to_string()],
        None if default => vec![corpus("gum_news_dev")],
        None => Vec::new(),
    };
    let settings = train::Settings {
        exclude,
        out: parsed
            .value("--out")
            .unwrap_or("src/entities/model.bin")
            .to_string(),
        tagger: train::tagger_settings(parsed).map_err(|m| Failure::Usage(&TRAIN_NER, m))?,
    };
    let files = if default {
        vec![corpus("conll_train"), corpus("gum_all_dev")]
    } else {
        parsed.positional.clone()
    };
    train::train(&files, &settings).map_err(Failure::Failed)?;
    Ok(ExitCode::SUCCESS)
}

fn cv_ner(parsed: &Parsed) -> Outcome {
    let usage = |m: String| Failure::Usage(&CV_NER, m);
    let corpus = |name: &str| format!("../shared/corpus/{name}.jsonl");
    let over = parsed.value("--over").map(str::to_string);
    let with = match (parsed.value("--with"), &over) {
        (Some("none"), _) => Vec::new(),
        (Some(path), _) => vec![path.to_string()],
        (None, None) => vec![corpus("conll_train")],
        (None, Some(_)) => Vec::new(),
    };
    let tagger = train::tagger_settings(parsed).map_err(usage)?;
    let seeds = match parsed.value("--shuffle-seeds") {
        None => vec![tagger.shuffle],
        Some(list) => (list.split(','))
            .map(|s| {
                s.trim()
                    .parse()
                    .map_err(|_| usage(format!("--shuffle-seeds: not a number: {s:?}")))
            })
            .collect::<Result<Vec<u64>, Failure>>()?,
    };
    let count = |name: &str, default: &str| -> Result<usize, Failure> {
        let v = parsed.value(name).unwrap_or(default);
        match v.parse() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(usage(format!("{name}: not a positive number: {v:?}"))),
        }
    };
    let folds = count("--folds", "5")?;
    if folds < 2 {
        return Err(usage("--folds: at least 2".into()));
    }
    let settings = cv::CvSettings {
        over: over.unwrap_or_else(|| corpus("gum_all_dev")),
        with,
        folds,
        tagger,
        seeds,
        jobs: count("--jobs", "1")?,
        errors: parsed.value("--errors").map(str::to_string),
    };
    cv::cross_validate(&settings).map_err(Failure::Failed)?;
    Ok(ExitCode::SUCCESS)
}

fn bench(parsed: &Parsed) -> Outcome {
    if parsed.positional.is_empty() {
        return Err(Failure::Usage(&BENCH, "no DOCS.jsonl given".into()));
    }
    train::bench(&parsed.positional).map_err(Failure::Failed)?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn highlight(parsed: &Parsed) -> Outcome {
    let Some(path) = parsed.positional.first() else {
        return Err(Failure::Usage(&HIGHLIGHT, "no FILE.txt given".into()));
    };
    let reference_date = match parsed.value("--reference-date") {
        None => None,
        Some(date) => Some(
            date.parse::<Date>()
                .map_err(|e| Failure::Usage(&HIGHLIGHT, format!("--reference-date: {e}")))?,
        ),
    };
    let html = match parsed.value("--format") {
        None | Some("json") => false,
        Some("html") => true,
        Some(other) => {
            return Err(Failure::Usage(
                &HIGHLIGHT,
                format!("--format: expected json or html, not {other:?}"),
            ))
        }
    };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    let name = display_name(path);
    read.map_err(|e| Failure::Failed(format!("{name}: {e}")))?;
    // A UTF-8 byte order mark is not part of the text: offsets count from after it.
    let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    let text = String::from_utf8(bytes.split_off(bom)).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + bom;
        Failure::Failed(format!("{name}: not valid UTF-8 (byte {at})"))
    })?;
    let analyzer = Analyzer::new(Options {
        reference_date,
        ..Options::default()
    });
    let mut analysis = analyzer.analyze(&text);
    let mut out = BufWriter::new(io::stdout().lock());
    if html {
        let title = Path::new(name)
            .file_name()
            .map_or(name.into(), |f| f.to_string_lossy());
        out.write_all(html::page(&text, &analysis, &title).as_bytes())?;
    } else {
        convert_analysis(&text, &mut analysis, Unit::CodePoint);
        let json = serde_json::to_string_pretty(&analysis)
            .map_err(|e| Failure::Failed(format!("cannot write JSON: {e}")))?;
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Loads a JSONL file as score.py does; values only.
fn load(path: &str) -> Result<Vec<(usize, Json)>, Failure> {
    corpus::load(path).map_err(Failure::Failed)
}

/// Loads a gold file and reports each problem of its spans on standard error
/// (`newsmark eval: PATH: line N: span K (...): why`); the count of problems comes back too.
fn load_gold(path: &str) -> Result<(Vec<(usize, Json)>, usize), Failure> {
    let docs = load(path)?;
    let mut count = 0;
    for (number, doc) in &docs {
        for problem in gold::problems(doc) {
            eprintln!("newsmark eval: {path}: line {number}: broken gold: {problem}");
            count += 1;
        }
    }
    Ok((docs, count))
}

/// The exit status after scoring: 1 when the gold was broken or a document failed.
fn eval_status(broken: usize, failed: usize) -> ExitCode {
    if broken > 0 {
        eprintln!(
            "newsmark eval: {broken} problem{} in the gold spans; they are scored as score.py \
             scores them (skipped, or past the end of the text)",
            plural(broken)
        );
    }
    if broken > 0 || failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn evaluate(parsed: &Parsed) -> Outcome {
    let golds = &parsed.positional;
    if golds.is_empty() {
        return Err(Failure::Usage(&EVAL, "no GOLD.jsonl given".into()));
    }
    let json = parsed.switch("--json");
    let speaker_entities = parsed.switch("--speaker-entities");
    let mut out = BufWriter::new(io::stdout().lock());
    if let Some(pred) = parsed.value("--pred") {
        if golds.len() != 1 {
            return Err(Failure::Usage(
                &EVAL,
                "--pred scores one GOLD file at a time".into(),
            ));
        }
        let (gold, broken) = load_gold(&golds[0])?;
        let gold: Vec<Json> = gold.into_iter().map(|(_, d)| d).collect();
        let pred: Vec<Json> = load(pred)?.into_iter().map(|(_, d)| d).collect();
        let report = eval::score_with(&gold, &pred, speaker_entities).map_err(Failure::Failed)?;
        if json {
            writeln!(out, "{}", report.to_json().to_pretty())?;
        } else {
            writeln!(out, "== {} ==\n{}", file_name(&golds[0]), report.table())?;
        }
        out.flush()?;
        return Ok(eval_status(broken, 0));
    }

    let analyzer = Analyzer::new(Options::default());
    let (mut failed, mut broken) = (0usize, 0usize);
    let mut reports = Vec::new();
    for (i, path) in golds.iter().enumerate() {
        let (gold, problems) = load_gold(path)?;
        broken += problems;
        let mut predictions = Vec::with_capacity(gold.len());
        for (number, doc) in &gold {
            match corpus::annotate(&analyzer, doc) {
                Ok(spans) => {
                    let id = doc.get("id").cloned().unwrap_or(Json::Null);
                    let text = doc.get("text").cloned().unwrap_or(Json::Null);
                    predictions.push(Json::Object(vec![
                        ("id".into(), id),
                        ("text".into(), text),
                        ("spans".into(), spans),
                    ]));
                }
                Err(why) => {
                    eprintln!(
                        "newsmark eval: {path}: line {number}: {why}; counted as predicting nothing"
                    );
                    failed += 1;
                }
            }
        }
        let gold: Vec<Json> = gold.into_iter().map(|(_, d)| d).collect();
        let report = eval::score_with(&gold, &predictions, speaker_entities)
            .map_err(|e| Failure::Failed(format!("{path}: {e}")))?;
        if json {
            reports.push((path.to_string(), report.to_json()));
        } else {
            let gap = if i > 0 { "\n" } else { "" };
            writeln!(out, "{gap}== {} ==\n{}", file_name(path), report.table())?;
            out.flush()?;
        }
    }
    if json {
        let json = if reports.len() == 1 {
            reports.pop().expect("one report").1
        } else {
            Json::Object(reports)
        };
        writeln!(out, "{}", json.to_pretty())?;
    }
    out.flush()?;
    Ok(eval_status(broken, failed))
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or(path.into(), |f| f.to_string_lossy().into_owned())
}
