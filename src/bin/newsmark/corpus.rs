//! The corpus JSONL format (`../shared/corpus/FORMAT.md`): one document `{id, text, dct, layers,
//! spans, ...}` per line, spans `{start, end, label, ...}` with **code-point** offsets; the
//! values are [`Json`] (see `json.rs`).

use std::fmt;
use std::io::{self, BufRead};

use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Analysis, Analyzer, Date, Entity, Kind, Options};

use super::json::{field, is_blank, Json};

/// Reads JSONL line by line, numbering lines from 1 and skipping blank ones.
pub struct JsonlReader<R> {
    reader: R,
    buffer: Vec<u8>,
    number: usize,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R) -> JsonlReader<R> {
        JsonlReader {
            reader,
            buffer: Vec::new(),
            number: 0,
        }
    }

    /// The next non-blank line: its number and its text (without the line break, and line 1
    /// without a leading UTF-8 byte order mark), or why it is not text. `Ok(None)` at the end of the input; `Err` only for a failure to read.
    #[allow(clippy::type_complexity)]
    pub fn next_line(&mut self) -> io::Result<Option<(usize, Result<String, String>)>> {
        loop {
            self.buffer.clear();
            if self.reader.read_until(b'\n', &mut self.buffer)? == 0 {
                return Ok(None);
            }
            self.number += 1;
            let mut line = &self.buffer[..];
            line = line.strip_suffix(b"\n").unwrap_or(line);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            if self.number == 1 {
                // A UTF-8 byte order mark opening the file is not part of the first document.
                line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
            }
            match std::str::from_utf8(line) {
                Ok(text) if is_blank(text) => continue,
                Ok(text) => return Ok(Some((self.number, Ok(text.to_string())))),
                Err(e) => {
                    let why = format!("not valid UTF-8 (byte {})", e.valid_up_to() + 1);
                    return Ok(Some((self.number, Err(why))));
                }
            }
        }
    }
}

/// Why a JSON text did not parse, without serde_json's "at line 1" (a JSONL line is one line).
pub fn describe_json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(what) => format!("invalid JSON: {what} (column {})", e.column()),
        None => format!("invalid JSON: {message}"),
    }
}

/// Reads a whole JSONL file as `score.py` does: blank lines skipped, every other line a JSON
/// value. Each value comes with its line number. The error names the file, line and reason.
pub fn load(path: &str) -> Result<Vec<(usize, Json)>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = JsonlReader::new(io::BufReader::new(file));
    let mut docs = Vec::new();
    while let Some((n, line)) = reader.next_line().map_err(|e| format!("{path}: {e}"))? {
        let line = line.map_err(|why| format!("{path}:{n}: {why}"))?;
        let doc =
            Json::parse(&line).map_err(|e| format!("{path}:{n}: {}", describe_json_error(&e)))?;
        docs.push((n, doc));
    }
    Ok(docs)
}

/// Why a document cannot be annotated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    NotObject,
    NoText,
    TextNotString,
    DctNotString,
    BadDct(String),
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::NotObject => f.write_str("not a JSON object"),
            DocError::NoText => f.write_str("no \"text\" field"),
            DocError::TextNotString => f.write_str("\"text\" is not a string"),
            DocError::DctNotString => f.write_str("\"dct\" is neither a string nor null"),
            DocError::BadDct(dct) => {
                write!(
                    f,
                    "bad \"dct\" {dct:?}: expected an ISO date YYYY-MM-DD or null"
                )
            }
        }
    }
}

impl std::error::Error for DocError {}

/// The text of a corpus document and its options: `dct` becomes the reference date.
pub fn document_input<'a>(doc: &'a Json, base: &Options) -> Result<(&'a str, Options), DocError> {
    let Json::Object(fields) = doc else {
        return Err(DocError::NotObject);
    };
    let text = match field(fields, "text") {
        None => return Err(DocError::NoText),
        Some(Json::Str(text)) => text,
        Some(_) => return Err(DocError::TextNotString),
    };
    let reference_date = match field(fields, "dct") {
        None | Some(Json::Null) => None,
        Some(Json::Str(dct)) => Some(
            dct.parse::<Date>()
                .map_err(|_| DocError::BadDct(dct.clone()))?,
        ),
        Some(_) => return Err(DocError::DctNotString),
    };
    let options = Options {
        reference_date,
        ..base.clone()
    };
    Ok((text, options))
}

/// Analyzes a corpus document and returns its `spans` in the corpus format.
pub fn annotate(analyzer: &Analyzer, doc: &Json) -> Result<Json, DocError> {
    let (text, options) = document_input(doc, analyzer.options())?;
    Ok(corpus_spans(text, analyzer.analyze_with(text, &options)))
}

/// The spans of `analysis` (byte offsets into `text`) in the corpus format: `{start, end, label}`
/// in code points, `value` on temporal spans that have one, `speaker`, `speaker_start` and
/// `speaker_end` on attributed quotes, and `speaker_entity` when the speaker refers to an entity.
pub fn corpus_spans(text: &str, mut analysis: Analysis) -> Json {
    convert_analysis(text, &mut analysis, Unit::CodePoint);
    let entities = &analysis.entities;
    let spans = analysis.spans.into_iter().map(|span| {
        let mut fields = vec![
            ("start".to_string(), Json::from(span.start)),
            ("end".to_string(), Json::from(span.end)),
            ("label".to_string(), Json::from(span.kind.label())),
        ];
        if span.kind.is_temporal() {
            if let Some(value) = span.value {
                fields.push(("value".to_string(), Json::Str(value)));
            }
        }
        if let Some(speaker) = span.speaker.filter(|_| span.kind == Kind::Quote) {
            fields.push(("speaker".to_string(), Json::Str(speaker.text)));
            fields.push(("speaker_start".to_string(), Json::from(speaker.start)));
            fields.push(("speaker_end".to_string(), Json::from(speaker.end)));
            if let Some(name) = speaker_entity_name(entities, speaker.entity) {
                fields.push(("speaker_entity".to_string(), Json::from(name)));
            }
        }
        Json::Object(fields)
    });
    Json::Array(spans.collect())
}

/// The name of the entity a quote's speaker refers to.
fn speaker_entity_name(entities: &[Entity], id: Option<usize>) -> Option<&str> {
    let id = id?;
    entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.as_str())
}
#[cfg(test)]
mod tests {
    use super::*;
    use newsmark::{Span, Speaker};

    #[test]
    fn quotes_name_the_entity_of_their_speaker() {
        let text = "Ana Ruiz won. “We won,” she said. “Yes,” he said.";
        let analysis = Analyzer::new(Options::default()).analyze(text);
        let Json::Array(spans) = corpus_spans(text, analysis) else {
            panic!()
        };
        let quotes: Vec<&Json> = spans
            .iter()
            .filter(|s| s.get("label") == Some(&Json::from("QUOTE")))
            .collect();
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].get("speaker"), Some(&Json::from("she")));
        assert_eq!(
            quotes[0].get("speaker_entity"),
            Some(&Json::from("Ana Ruiz"))
        );
        // No man named before "he": no entity rather than a wrong one.
        assert_eq!(quotes[1].get("speaker"), Some(&Json::from("he")));
        assert_eq!(quotes[1].get("speaker_entity"), None);
    }

    #[test]
    fn corpus_spans_count_code_points() {
        let text = "😀 Ana said “we won” on 2 May.";
        let byte = |s: &str| text.find(s).unwrap();
        let mut quote = Span::new(text, byte("“"), byte(" on"), Kind::Quote);
        quote.speaker = Some(Speaker {
            start: byte("Ana"),
            end: byte(" said"),
            text: "Ana".into(),
            entity: None,
        });
        let mut date = Span::new(text, byte("2 May"), byte("."), Kind::Date);
        date.value = Some("XXXX-05-02".into());
        let mut person = Span::new(text, byte("Ana"), byte(" said"), Kind::Person);
        person.value = Some("ignored on entities".into());
        let analysis = Analysis {
            spans: vec![person, quote, date],
            ..Analysis::default()
        };
        let spans = corpus_spans(text, analysis);
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: &Json| -> String {
            let at = |k| match s.get(k) {
                Some(Json::Int(n)) => *n as usize,
                other => panic!("{k}: {other:?}"),
            };
            chars[at("start")..at("end")].iter().collect()
        };
        let Json::Array(spans) = spans else { panic!() };
        assert_eq!(slice(&spans[0]), "Ana");
        assert_eq!(
            spans[0].to_line(),
            r#"{"start": 2, "end": 5, "label": "PERSON"}"#
        );
        assert_eq!(slice(&spans[1]), "“we won”");
        assert_eq!(
            spans[1].to_line(),
            r#"{"start": 11, "end": 19, "label": "QUOTE", "speaker": "Ana", "speaker_start": 2, "speaker_end": 5}"#
        );
        assert_eq!(slice(&spans[2]), "2 May");
        assert_eq!(spans[2].get("value"), Some(&Json::from("XXXX-05-02")));
    }

    #[test]
    fn corpus_spans_survive_odd_offsets() {
        // Whatever a layer returns, conversion does not panic: offsets past the end map to the
        // end, offsets inside a character to its end.
        let text = "a😀b";
        let mut inside = Span::new(text, 0, 1, Kind::Person);
        (inside.start, inside.end) = (2, 5);
        let mut past = Span::new(text, 0, 1, Kind::Date);
        (past.start, past.end) = (5, 99);
        let mut reversed = Span::new(text, 0, 1, Kind::Misc);
        (reversed.start, reversed.end) = (6, 1);
        reversed.speaker = Some(Speaker {
            start: 0,
            end: 1,
            text: "a".into(),
            entity: None,
        });
        let analysis = Analysis {
            spans: vec![inside, past, reversed],
            ..Analysis::default()
        };
        assert_eq!(
            corpus_spans(text, analysis).to_line(),
            "[{\"start\": 2, \"end\": 2, \"label\": \"PERSON\"}, \
             {\"start\": 2, \"end\": 3, \"label\": \"DATE\"}, \
             {\"start\": 3, \"end\": 1, \"label\": \"MISC\"}]"
        );
    }

    #[test]
    fn document_input_checks_text_and_dct() {
        let base = Options::default();
        let parse = |s: &str| Json::parse(s).unwrap();
        let doc = parse(r#"{"text": "x", "dct": "2014-04-22"}"#);
        let (text, options) = document_input(&doc, &base).unwrap();
        assert_eq!(text, "x");
        assert_eq!(options.reference_date, Some("2014-04-22".parse().unwrap()));
        assert!(document_input(&parse(r#"{"text": "x", "dct": null}"#), &base).is_ok());
        let error = |s: &str| document_input(&parse(s), &base).unwrap_err();
        assert_eq!(error("[1]"), DocError::NotObject);
        assert_eq!(error(r#"{"id": 1}"#), DocError::NoText);
        assert_eq!(error(r#"{"text": 3}"#), DocError::TextNotString);
        assert_eq!(
            error(r#"{"text": "x", "dct": 1998}"#),
            DocError::DctNotString
        );
        assert_eq!(
            error(r#"{"text": "x", "dct": "1998-02-30"}"#),
            DocError::BadDct("1998-02-30".into())
        );
    }

    #[test]
    fn reader_numbers_lines_and_skips_blanks() {
        let input = b"{\"a\": 1}\r\n\n  \t\n\xff\xfe\n{}";
        let mut reader = JsonlReader::new(&input[..]);
        let mut seen = Vec::new();
        while let Some((n, line)) = reader.next_line().unwrap() {
            seen.push((n, line.is_ok()));
        }
        assert_eq!(seen, [(1, true), (4, false), (5, true)]);
    }
}
