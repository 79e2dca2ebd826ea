//! `newsmark`: the command-line tool. Annotates corpus JSONL, highlights a text as JSON or HTML,
//! and scores against gold corpora exactly as `../shared/eval/score.py` does.
//!
//! Exit status: 0 on success, 1 when something failed (a bad input line, an unreadable file), 2 on
//! a usage error.

#[path = "newsmark/args.rs"]
mod args;
#[path = "newsmark/html.rs"]
mod html;
#[path = "newsmark/train.rs"]
mod train;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use newsmark::corpus::{self, describe_json_error, Json, JsonlReader};
use newsmark::eval;
use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Analyzer, Date, Options};

use args::{Command, Parsed};

const OVERVIEW: &str = "\
newsmark: highlights named entities, direct quotations and dates in news text

usage:
  newsmark annotate [IN.jsonl] [OUT.jsonl]
  newsmark highlight FILE.txt [--reference-date YYYY-MM-DD] [--format json|html]
  newsmark eval GOLD.jsonl... [--pred PRED.jsonl] [--json] [--speaker-entities]
  newsmark train-ner [GOLD.jsonl...] [--exclude GOLD.jsonl] [--out FILE] [--epochs N] [--bits B] [--prune N]
  newsmark bench DOCS.jsonl...
  newsmark help [COMMAND]

Run `newsmark COMMAND --help` for the details of a command.";

const ANNOTATE: Command = Command {
    name: "annotate",
    usage: "newsmark annotate [IN.jsonl] [OUT.jsonl]",
    help: "\
Annotates documents in the corpus JSONL format (../shared/corpus/FORMAT.md), one JSON object per
line, reading IN.jsonl (standard input when omitted or `-`) and writing OUT.jsonl (standard output
when omitted or `-`) line by line.

Each document needs a string `text`; `dct` (an ISO date YYYY-MM-DD, or null or absent) is the
reference date that relative dates (\"Friday\", \"last week\") resolve against. Every field is written
back as given, in the same order, except `spans`, which is replaced by what newsmark finds:
  {\"start\", \"end\", \"label\"}   offsets in Unicode code points (Python str indices), end exclusive;
                              label PERSON, ORG, PLACE, MISC, DATE, TIME, DURATION, SET or QUOTE
  \"value\"                     on DATE/TIME/DURATION/SET: the TIMEX3 value, when resolved
  \"speaker\", \"speaker_start\", \"speaker_end\"
                              on an attributed QUOTE: the speaker mention and its offsets

Blank lines are skipped. A line that is not valid JSON, not an object, has no string `text` or has
a bad `dct` is reported on standard error with its line number and left out; the other documents
are still written, and the exit status is then 1.",
    values: &[],
    switches: &[],
    max_positional: 2,
};

const HIGHLIGHT: Command = Command {
    name: "highlight",
    usage: "newsmark highlight FILE.txt [--reference-date YYYY-MM-DD] [--format json|html]",
    help: "\
Analyzes one text file (`-` for standard input, UTF-8) and prints the result.

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
error, count as predicting nothing, and make the exit status 1.",
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
  --prune N     drop quantized weights of at most N steps of 127 (default: 4)",
    values: &["--out", "--epochs", "--bits", "--exclude", "--prune"],
    switches: &[],
    max_positional: usize::MAX,
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
        "bench" => &BENCH,
        "-h" | "--help" => return print_help(OVERVIEW),
        "help" => {
            return match rest.first().map(String::as_str) {
                None => print_help(OVERVIEW),
                Some("annotate") => print_help(&ANNOTATE.full_help()),
                Some("highlight") => print_help(&HIGHLIGHT.full_help()),
                Some("eval") => print_help(&EVAL.full_help()),
                Some("train-ner") => print_help(&TRAIN_NER.full_help()),
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

fn open_input(path: &str) -> Result<Box<dyn BufRead>, Failure> {
    if path == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(path).map_err(|e| Failure::Failed(format!("{path}: {e}")))?;
    Ok(Box::new(BufReader::new(file)))
}

fn open_output(path: &str) -> Result<Box<dyn Write>, Failure> {
    if path == "-" {
        return Ok(Box::new(BufWriter::new(io::stdout().lock())));
    }
    let file = File::create(path).map_err(|e| Failure::Failed(format!("{path}: {e}")))?;
    Ok(Box::new(BufWriter::new(file)))
}

fn annotate(parsed: &Parsed) -> Outcome {
    let input = parsed.positional.first().map_or("-", String::as_str);
    let output = parsed.positional.get(1).map_or("-", String::as_str);
    if input != "-" && output != "-" {
        let same = Path::new(input).canonicalize().ok();
        if same.is_some() && same == Path::new(output).canonicalize().ok() {
            return Err(Failure::Failed(format!(
                "{output} is also the input: it would be overwritten before it is read"
            )));
        }
    }
    let mut reader = JsonlReader::new(open_input(input)?);
    let mut writer = open_output(output)?;
    let analyzer = Analyzer::new(Options::default());
    let name = display_name(input);
    let (mut written, mut failed) = (0usize, 0usize);
    while let Some((number, line)) = reader
        .next_line()
        .map_err(|e| Failure::Failed(format!("{name}: {e}")))?
    {
        let document = line.and_then(|line| {
            let mut doc = Json::parse(&line).map_err(|e| describe_json_error(&e))?;
            let spans = corpus::annotate(&analyzer, &doc).map_err(|e| e.to_string())?;
            doc.set("spans", spans);
            Ok(doc)
        });
        match document {
            Ok(doc) => {
                writeln!(writer, "{}", doc.to_line())?;
                written += 1;
            }
            Err(why) => {
                eprintln!("newsmark annotate: {name}: line {number}: {why}");
                failed += 1;
            }
        }
    }
    writer.flush()?;
    if failed > 0 {
        eprintln!(
            "newsmark annotate: {failed} line{} failed; {written} document{} written",
            plural(failed),
            plural(written)
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn train_ner(parsed: &Parsed) -> Outcome {
    let number = |name: &str, default: usize| -> Result<usize, Failure> {
        parsed.value(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| Failure::Usage(&TRAIN_NER, format!("{name}: not a number: {v:?}")))
        })
    };
    let bits = number("--bits", 18)?;
    if !(4..=24).contains(&bits) {
        return Err(Failure::Usage(&TRAIN_NER, "--bits: from 4 to 24".into()));
    }
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
        bits: bits as u32,
        epochs: number("--epochs", 10)?,
        // 4 keeps two thirds of the weights that 3 keeps (111,683 of 165,938; 56 KB less gzip
        // in the .wasm) for conll_dev 0.907 against 0.908 and gum_news_dev 0.679 against 0.670;
        // 5 and up cost conll_dev more (0.904 at 5, 0.896 at 8).
        prune: number("--prune", 4)?.min(127) as u8,
    };
    let files = if default {
        vec![corpus("conll_train"), corpus("gum_all_dev")]
    } else {
        parsed.positional.clone()
    };
    train::train(&files, &settings).map_err(Failure::Failed)?;
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
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
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
        let gold: Vec<Json> = load(&golds[0])?.into_iter().map(|(_, d)| d).collect();
        let pred: Vec<Json> = load(pred)?.into_iter().map(|(_, d)| d).collect();
        let report = eval::score_with(&gold, &pred, speaker_entities).map_err(Failure::Failed)?;
        if json {
            writeln!(out, "{}", report.to_json().to_pretty())?;
        } else {
            writeln!(out, "== {} ==\n{}", file_name(&golds[0]), report.table())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }

    let analyzer = Analyzer::new(Options::default());
    let mut failed = 0usize;
    let mut reports = Vec::new();
    for (i, path) in golds.iter().enumerate() {
        let gold = load(path)?;
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
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or(path.into(), |f| f.to_string_lossy().into_owned())
}
