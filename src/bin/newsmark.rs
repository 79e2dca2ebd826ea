//! `newsmark`: the command-line tool. Annotates corpus JSONL, highlights a text as JSON or HTML,
//! and scores against gold corpora exactly as `../shared/eval/score.py` does.
//!
//! Exit status: 0 on success, 1 when something failed (a bad input line, an unreadable file), 2 on
//! a usage error.

#[path = "newsmark/annotate.rs"]
mod annotate;
#[path = "newsmark/args.rs"]
mod args;
#[path = "newsmark/commands.rs"]
mod commands;
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
#[path = "newsmark/silver.rs"]
mod silver;
#[path = "newsmark/train.rs"]
mod train;

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::thread;

use json::Json;
use newsmark::entities::tagger::Model;
use newsmark::html;
use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Date, Options};

use args::{Command, Parsed};

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
        eprintln!("{}", commands::overview());
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let command = match name.as_str() {
        "-h" | "--help" => return print_help(&commands::overview()),
        "help" => {
            return match rest.first().map(String::as_str) {
                None => print_help(&commands::overview()),
                Some(name) => match commands::find(name) {
                    Some(command) => print_help(&command.full_help()),
                    None => {
                        eprintln!("newsmark: no command {name:?}\n\n{}", commands::overview());
                        ExitCode::from(2)
                    }
                },
            };
        }
        "-V" | "--version" => {
            println!("newsmark {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        other => match commands::find(other) {
            Some(command) => command,
            None => {
                eprintln!(
                    "newsmark: unknown command {other:?}\n\n{}",
                    commands::overview()
                );
                return ExitCode::from(2);
            }
        },
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

/// The most bytes of a `--model` file read: the embedded model is 0.2 MB, and a file without
/// end (`/dev/zero`) is refused instead of filling the memory.
const MODEL_LIMIT: u64 = 64 << 20;

/// The entity model file given by `--model FILE`, checked: `None` without the option.
fn model_file(parsed: &Parsed, command: &'static Command) -> Result<annotate::Model, Failure> {
    let Some(path) = parsed.value("--model") else {
        return Ok(None);
    };
    if path.is_empty() {
        return Err(Failure::Usage(
            command,
            "--model: expected a file name".into(),
        ));
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|file| file.take(MODEL_LIMIT + 1).read_to_end(&mut bytes))
        .map_err(|e| Failure::Failed(format!("--model {path}: {e}")))?;
    if bytes.len() as u64 > MODEL_LIMIT {
        return Err(Failure::Failed(format!(
            "--model {path}: larger than {} MB, which no entity model is",
            MODEL_LIMIT >> 20
        )));
    }
    // What `Analyzer::with_entity_model` needs, checked without building an analyzer twice.
    if Model::load(&bytes).is_none() {
        return Err(Failure::Failed(format!(
            "--model {path}: not an entity model file as `newsmark train-ner` writes it"
        )));
    }
    Ok(Some(bytes.into()))
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
                    &commands::ANNOTATE,
                    format!("--jobs: expected a number of threads, 1 or more, not {n:?}"),
                ))
            }
        },
    };
    let model = model_file(parsed, &commands::ANNOTATE)?;
    let summary = match annotate::run(input, output, jobs, model) {
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

/// The silver file the embedded model learned from, as `scripts/data/silver_entities.py` writes
/// it: `train-ner` without gold files reads it.
const SILVER: &str = "target/silver/polnear_train.jsonl";

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
        tagger: train::tagger_settings(parsed)
            .map_err(|m| Failure::Usage(&commands::TRAIN_NER, m))?,
    };
    let files = if default {
        vec![corpus("conll_train"), corpus("gum_all_dev")]
    } else {
        parsed.positional.clone()
    };
    let silver = match parsed.value("--silver") {
        Some("none") => None,
        Some(path) => Some(path),
        None => default.then_some(SILVER),
    };
    train::train(&files, silver, &settings).map_err(Failure::Failed)?;
    Ok(ExitCode::SUCCESS)
}

fn cv_ner(parsed: &Parsed) -> Outcome {
    let usage = |m: String| Failure::Usage(&commands::CV_NER, m);
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
        pred: parsed.value("--pred").map(str::to_string),
        silver: parsed.value("--silver").map(str::to_string),
    };
    cv::cross_validate(&settings).map_err(Failure::Failed)?;
    Ok(ExitCode::SUCCESS)
}

fn bench(parsed: &Parsed) -> Outcome {
    if parsed.positional.is_empty() {
        return Err(Failure::Usage(
            &commands::BENCH,
            "no DOCS.jsonl given".into(),
        ));
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
        return Err(Failure::Usage(
            &commands::HIGHLIGHT,
            "no FILE.txt given".into(),
        ));
    };
    let reference_date =
        match parsed.value("--reference-date") {
            None => None,
            Some(date) => Some(date.parse::<Date>().map_err(|e| {
                Failure::Usage(&commands::HIGHLIGHT, format!("--reference-date: {e}"))
            })?),
        };
    let html = match parsed.value("--format") {
        None | Some("json") => false,
        Some("html") => true,
        Some(other) => {
            return Err(Failure::Usage(
                &commands::HIGHLIGHT,
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
    let model = model_file(parsed, &commands::HIGHLIGHT)?;
    let analyzer = annotate::analyzer(
        Options {
            reference_date,
            ..Options::default()
        },
        model.as_deref(),
    );
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
        return Err(Failure::Usage(
            &commands::EVAL,
            "no GOLD.jsonl given".into(),
        ));
    }
    let json = parsed.switch("--json");
    let speaker_entities = parsed.switch("--speaker-entities");
    if parsed.value("--pred").is_some() && parsed.value("--model").is_some() {
        return Err(Failure::Usage(
            &commands::EVAL,
            "--model annotates the gold files; --pred scores a file already annotated: give one"
                .into(),
        ));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if let Some(pred) = parsed.value("--pred") {
        if golds.len() != 1 {
            return Err(Failure::Usage(
                &commands::EVAL,
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

    let model = model_file(parsed, &commands::EVAL)?;
    let analyzer = annotate::analyzer(Options::default(), model.as_deref());
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
