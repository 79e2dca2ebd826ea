//! `newsmark annotate`: the batch path. A reader thread cuts the input into batches of lines,
//! `jobs` worker threads (each with its own [`Analyzer`]) annotate them, and the calling thread
//! writes the results in input order. At most [`IN_FLIGHT_PER_JOB`] batches per worker are read
//! ahead of the writer, so memory stays bounded on an endless stream.
//!
//! A file output is written to a temporary file beside it and renamed into place at the end: the
//! output is never half written, and the input is never truncated before it is read (an output
//! that is the input, by device and inode — the same path, a hard link or a symlink — is refused).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use newsmark::{Analyzer, Options};

use crate::corpus::{corpus_spans, JsonlReader};
use crate::raw::RawDoc;

/// An entity model file's bytes, shared by the worker threads; `None`: the embedded model.
pub type Model = Option<Arc<[u8]>>;

/// An analyzer with `options`, whose entity layer reads `model` when one is given: a file the
/// CLI checked before ([`Analyzer::with_entity_model`] accepts it).
pub fn analyzer(options: Options, model: Option<&[u8]>) -> Analyzer {
    match model {
        None => Analyzer::new(options),
        Some(bytes) => Analyzer::with_entity_model(options, bytes)
            .expect("the model file was checked before it was used"),
    }
}

/// A batch ends after this many lines or bytes, whichever comes first.
const BATCH_LINES: usize = 64;
const BATCH_BYTES: usize = 1 << 20;
/// Batches read but not yet written, per worker.
const IN_FLIGHT_PER_JOB: usize = 4;

/// One input line: its number and its text (or why it is not text).
type Line = (usize, Result<String, String>);

/// What a worker made of a batch: the output lines and the error messages, in input order.
#[derive(Default)]
struct Done {
    output: String,
    errors: Vec<String>,
    written: usize,
}

/// The counts of a run.
pub struct Summary {
    pub written: usize,
    pub failed: usize,
}

/// Why a run stopped early.
pub enum Stop {
    Io(io::Error),
    Failed(String),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// Annotates `input` into `output` with `jobs` threads; bad lines are reported on standard error
/// as `newsmark annotate: NAME: line N: why` (in input order) and left out.
/// `model`: an entity model file to read instead of the embedded model, one that
/// [`Analyzer::with_entity_model`] accepts.
pub fn run(input: &str, output: &str, jobs: usize, model: Model) -> Result<Summary, Stop> {
    let reader: Box<dyn BufRead + Send> = if input == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        let file = File::open(input).map_err(|e| Stop::Failed(format!("{input}: {e}")))?;
        Box::new(io::BufReader::new(file))
    };
    let name = if input == "-" { "<stdin>" } else { input };
    if output == "-" {
        let mut out = BufWriter::new(io::stdout().lock());
        return pipeline(reader, &mut out, name, jobs, model);
    }
    let target = Output::open(input, output)?;
    match target {
        Output::Direct(file) => pipeline(reader, &mut BufWriter::new(file), name, jobs, model),
        Output::Replace { temp, path } => {
            let written = File::create_new(&temp)
                .map_err(|e| Stop::Failed(format!("{}: {e}", temp.display())))
                .and_then(|file| {
                    // The replaced file keeps its permissions.
                    if let Ok(old) = fs::metadata(&path) {
                        file.set_permissions(old.permissions())?;
                    }
                    let mut out = BufWriter::new(file);
                    let summary = pipeline(reader, &mut out, name, jobs, model)?;
                    let file = out.into_inner().map_err(|e| Stop::Io(e.into_error()))?;
                    file.sync_all()?;
                    Ok(summary)
                });
            match written {
                Ok(summary) => {
                    fs::rename(&temp, &path).map_err(|e| {
                        let _ = fs::remove_file(&temp);
                        Stop::Failed(format!("{output}: {e}"))
                    })?;
                    Ok(summary)
                }
                Err(stop) => {
                    let _ = fs::remove_file(&temp);
                    Err(stop)
                }
            }
        }
    }
}

/// Where the output goes.
enum Output {
    /// Not a regular file (a FIFO, `/dev/null`, a terminal): written in place.
    Direct(File),
    /// A regular file, new or existing: written to `temp` beside it, then renamed to `path`.
    Replace { temp: PathBuf, path: PathBuf },
}

impl Output {
    fn open(input: &str, output: &str) -> Result<Output, Stop> {
        let path = Path::new(output);
        let existing = fs::metadata(path).ok();
        // Only a regular file can be overwritten before it is read (reading and writing the
        // same device, /dev/null, is harmless).
        if let (Some(out), true) = (&existing, input != "-") {
            if let Ok(inp) = fs::metadata(input) {
                if out.is_file() && same_file(&inp, out) {
                    return Err(Stop::Failed(format!(
                        "{output} is the input file {input} (same device and inode): \
                         write the output elsewhere"
                    )));
                }
            }
        }
        match existing {
            Some(meta) if !meta.is_file() => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| Stop::Failed(format!("{output}: {e}")))?;
                Ok(Output::Direct(file))
            }
            _ => {
                // Through a symlink, the file it points to is replaced, not the link.
                let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                let file_name = path
                    .file_name()
                    .map_or("out".into(), |f| f.to_string_lossy());
                let temp = path
                    .with_file_name(format!(".{file_name}.newsmark-{}.tmp", std::process::id()));
                Ok(Output::Replace { temp, path })
            }
        }
    }
}

/// Whether two files are one (same device and inode).
#[cfg(unix)]
pub fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Reads, annotates on `jobs` threads and writes in input order.
fn pipeline(
    reader: Box<dyn BufRead + Send>,
    out: &mut dyn Write,
    name: &str,
    jobs: usize,
    model: Model,
) -> Result<Summary, Stop> {
    let jobs = jobs.max(1);
    let in_flight = IN_FLIGHT_PER_JOB * jobs;
    // A batch may be read only with a ticket; the writer gives the ticket back once it has
    // written that batch.
    let (ticket_tx, ticket_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        ticket_tx.send(()).expect("room for every ticket");
    }
    let (work_tx, work_rx) = channel::<(usize, Vec<Line>)>();
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, Done)>();
    let reading = thread::spawn(move || read_batches(reader, ticket_rx, work_tx));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let (work_rx, done_tx) = (Arc::clone(&work_rx), done_tx.clone());
            let model = model.clone();
            thread::spawn(move || work(&work_rx, &done_tx, model.as_deref()))
        })
        .collect();
    drop((done_tx, work_rx));
    let written = write_in_order(&done_rx, &ticket_tx, out, name);
    // On a write error the channels close here, and the other threads stop at their next step.
    drop((done_rx, ticket_tx));
    for worker in workers {
        worker.join().expect("a worker panicked");
    }
    let read = reading.join().expect("the reader panicked");
    let summary = written?;
    read.map_err(|e| Stop::Failed(format!("{name}: {e}")))?;
    out.flush()?;
    Ok(summary)
}

fn read_batches(
    reader: Box<dyn BufRead + Send>,
    tickets: Receiver<()>,
    work: Sender<(usize, Vec<Line>)>,
) -> io::Result<()> {
    let mut reader = JsonlReader::new(reader);
    let mut batch = Vec::new();
    let mut bytes = 0;
    let mut number = 0;
    let mut send = |batch: Vec<Line>| -> bool {
        let sent = tickets.recv().is_ok() && work.send((number, batch)).is_ok();
        number += 1;
        sent
    };
    while let Some(line) = reader.next_line()? {
        bytes += line.1.as_ref().map_or(0, String::len);
        batch.push(line);
        if batch.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
            bytes = 0;
            if !send(std::mem::take(&mut batch)) {
                return Ok(()); // the writer stopped
            }
        }
    }
    if !batch.is_empty() {
        send(batch);
    }
    Ok(())
}

fn work(
    batches: &Mutex<Receiver<(usize, Vec<Line>)>>,
    done: &Sender<(usize, Done)>,
    model: Option<&[u8]>,
) {
    let analyzer = analyzer(Options::default(), model);
    loop {
        let next = batches
            .lock()
            .expect("no worker panics holding the lock")
            .recv();
        let Ok((number, lines)) = next else {
            return;
        };
        let mut result = Done::default();
        for (n, line) in lines {
            match line.and_then(|line| annotate_line(&analyzer, &line)) {
                Ok(doc) => {
                    result.output.push_str(&doc);
                    result.output.push('\n');
                    result.written += 1;
                }
                Err(why) => result.errors.push(format!("line {n}: {why}")),
            }
        }
        if done.send((number, result)).is_err() {
            return;
        }
    }
}

/// One annotated document line (without its line break), or why the line is left out.
pub fn annotate_line(analyzer: &Analyzer, line: &str) -> Result<String, String> {
    let doc = RawDoc::parse(line)?;
    let (text, options) = doc.input(analyzer.options()).map_err(|e| e.to_string())?;
    let spans = corpus_spans(&text, analyzer.analyze_with(&text, &options));
    Ok(doc.to_line_with_spans(&spans.to_line()))
}

fn write_in_order(
    done: &Receiver<(usize, Done)>,
    tickets: &std::sync::mpsc::SyncSender<()>,
    out: &mut dyn Write,
    name: &str,
) -> Result<Summary, Stop> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut summary = Summary {
        written: 0,
        failed: 0,
    };
    for (number, result) in done.iter() {
        pending.insert(number, result);
        while let Some(result) = pending.remove(&next) {
            out.write_all(result.output.as_bytes())?;
            for error in &result.errors {
                eprintln!("newsmark annotate: {name}: {error}");
            }
            summary.written += result.written;
            summary.failed += result.errors.len();
            next += 1;
            // The reader may have stopped already (the input ended): no one takes the ticket.
            let _ = tickets.try_send(());
        }
    }
    Ok(summary)
}
