//! The corpus JSONL format (`../shared/corpus/FORMAT.md`): one document `{id, text, dct, layers,
//! spans, ...}` per line, spans `{start, end, label, ...}` with **code-point** offsets.
//!
//! [`Json`] is a JSON value that keeps the order of object keys (so `annotate` writes documents back
//! with their fields as given) and prints numbers and strings as Python's `json.dumps` does (so
//! `eval --json` prints what `score.py --json` prints).

use std::fmt;
use std::io::{self, BufRead};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use newsmark::offsets::{convert_analysis, Unit};
use newsmark::{Analysis, Analyzer, Date, Entity, Kind, Options};

/// A JSON value; objects keep their keys in order (a repeated key keeps its first place and its
/// last value, as Python's `json.loads` does).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses one JSON text (one JSONL line).
    pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The value of `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => field(fields, key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// One line, as Python's `json.dumps(value, ensure_ascii=False)` writes it (the style of the
    /// corpus files).
    pub fn to_line(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, false, 0);
        out
    }

    /// As Python's `json.dumps(value, indent=1)` writes it (what `score.py --json` prints).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(1), true, 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, ascii: bool, level: usize) {
        let newline = |out: &mut String, level: usize| {
            if let Some(width) = indent {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', width * level));
            }
        };
        let separator = if indent.is_some() { "," } else { ", " };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Float(f) => out.push_str(&json_float(*f)),
            Json::Str(s) => write_string(out, s, ascii),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    newline(out, level + 1);
                    item.write(out, indent, ascii, level + 1);
                }
                newline(out, level);
                out.push(']');
            }
            Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    newline(out, level + 1);
                    write_string(out, key, ascii);
                    out.push_str(": ");
                    value.write(out, indent, ascii, level + 1);
                }
                newline(out, level);
                out.push('}');
            }
        }
    }
}

/// The value of `key` among an object's fields.
pub fn field<'a>(fields: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_line())
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Json {
        Json::Int(n as i128)
    }
}

impl From<f64> for Json {
    fn from(f: f64) -> Json {
        Json::Float(f)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

/// Python's `repr(float)`: the shortest digits that read back the same, in positional notation
/// for exponents -4..16 (with `.0` when integral), else as `1e-05` / `1.5e+16`.
pub fn python_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    // `{:e}` gives the shortest round-trip digits: "-1.2345e-7", "5e0".
    let sci = format!("{f:e}");
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let exponent: i32 = exponent.parse().expect("{:e} exponent is an integer");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}e{esign}{:02}", exponent.abs());
    }
    if exponent < 0 {
        let zeros = "0".repeat((-exponent - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = exponent as usize + 1;
    if digits.len() <= point {
        format!("{sign}{digits}{}.0", "0".repeat(point - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..point], &digits[point..])
    }
}

/// A float as Python's `json.dumps` writes it.
fn json_float(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        python_float(f)
    }
}

/// A JSON string as Python's `json.dumps` writes it (`ascii`: `ensure_ascii=True`).
fn write_string(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && !(' '..='~').contains(&c)) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Int(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Int(n.into()))
    }

    fn visit_i128<E>(self, n: i128) -> Result<Json, E> {
        Ok(Json::Int(n))
    }

    fn visit_u128<E>(self, n: u128) -> Result<Json, E> {
        Ok(i128::try_from(n).map_or(Json::Float(n as f64), Json::Int))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Json, E> {
        Ok(Json::Float(f))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::Str(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::Str(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            match index.get(&key) {
                Some(&i) => fields[i].1 = value,
                None => {
                    index.insert(key.clone(), fields.len());
                    fields.push((key, value));
                }
            }
        }
        Ok(Json::Object(fields))
    }
}

/// Python's `str.isspace()` (Unicode White_Space plus the separators U+001C..U+001F).
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether a line is blank the way `line.strip()` is empty in Python.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(is_python_space)
}

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
    fn python_float_repr() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (2.0 / 3.0, "0.6666666666666666"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (123.25, "123.25"),
            (1.5e300, "1.5e+300"),
            (-2.5e-5, "-2.5e-05"),
        ];
        for (f, want) in cases {
            assert_eq!(python_float(f), want, "{f:e}");
        }
    }

    #[test]
    fn keeps_key_order_and_last_duplicate() {
        let doc = Json::parse(r#"{"z": 1, "a": [true, null, 1.5], "z": "x\u00e9\n"}"#).unwrap();
        assert_eq!(
            doc.to_line(),
            "{\"z\": \"x\u{e9}\\n\", \"a\": [true, null, 1.5]}"
        );
        assert_eq!(
            doc.to_pretty(),
            "{\n \"z\": \"x\\u00e9\\n\",\n \"a\": [\n  true,\n  null,\n  1.5\n ]\n}"
        );
        let emoji = Json::from("😀");
        assert_eq!(emoji.to_pretty(), "\"\\ud83d\\ude00\"");
    }

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
