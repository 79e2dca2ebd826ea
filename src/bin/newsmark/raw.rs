//! A corpus document as given, for `annotate`: its fields in order, each key and value kept as the
//! raw JSON text of the line, so everything but `spans` is written back byte for byte (big
//! integers, `1.10`, `1e400`, escapes, escaped lone surrogates, duplicate keys and all).

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::corpus::{describe_json_error, DocError};
use newsmark::{Date, Options};

/// One JSONL line that is a JSON object, split into raw fields.
pub struct RawDoc<'a> {
    fields: Vec<(&'a RawValue, &'a RawValue)>,
}

impl<'a> RawDoc<'a> {
    /// Parses one line. Any JSON object is accepted: numbers of any size and precision, and
    /// strings with escaped lone surrogates (`"\ud800"`), are kept as written.
    pub fn parse(line: &'a str) -> Result<RawDoc<'a>, String> {
        let mut de = serde_json::Deserializer::from_str(line);
        let fields = de
            .deserialize_any(FieldsVisitor)
            .and_then(|fields| de.end().map(|()| fields))
            .map_err(|e| describe_json_error(&e))?;
        fields
            .map(|fields| RawDoc { fields })
            .ok_or_else(|| DocError::NotObject.to_string())
    }

    /// The last value of `key` (a repeated key counts with its last value, as in Python).
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| decode_string(k.get()).is_some_and(|k| k == key))
            .map(|(_, v)| *v)
    }

    /// The text to analyze and the options: `text` must be a string (an escaped lone surrogate
    /// in it is analyzed as U+FFFD, one code point as it is in Python, so offsets still count
    /// it as one), `dct` an ISO date, null or absent.
    pub fn input(&self, base: &Options) -> Result<(String, Options), DocError> {
        let text = match self.get("text") {
            None => return Err(DocError::NoText),
            Some(raw) => decode_string(raw.get()).ok_or(DocError::TextNotString)?,
        };
        let reference_date = match self.get("dct").map(RawValue::get) {
            None | Some("null") => None,
            Some(raw) => {
                let dct = decode_string(raw).ok_or(DocError::DctNotString)?;
                Some(dct.parse::<Date>().map_err(|_| DocError::BadDct(dct))?)
            }
        };
        let options = Options {
            reference_date,
            ..base.clone()
        };
        Ok((text, options))
    }

    /// The document as one line: every field as given, in order, with `spans` (raw JSON)
    /// in place of the first `spans` field (later ones dropped), or appended when there is none.
    pub fn to_line_with_spans(&self, spans: &str) -> String {
        let mut out = String::with_capacity(spans.len() + 64);
        out.push('{');
        let mut wrote_spans = false;
        for (key, value) in &self.fields {
            let is_spans = decode_string(key.get()).is_some_and(|k| k == "spans");
            if is_spans && wrote_spans {
                continue;
            }
            if out.len() > 1 {
                out.push_str(", ");
            }
            out.push_str(key.get());
            out.push_str(": ");
            if is_spans {
                out.push_str(spans);
                wrote_spans = true;
            } else {
                out.push_str(value.get());
            }
        }
        if !wrote_spans {
            if out.len() > 1 {
                out.push_str(", ");
            }
            out.push_str("\"spans\": ");
            out.push_str(spans);
        }
        out.push('}');
        out
    }
}

/// Collects an object's fields as raw keys and values; `None` for any other JSON value.
struct FieldsVisitor;

type Fields<'a> = Option<Vec<(&'a RawValue, &'a RawValue)>>;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let mut fields = Vec::new();
        while let Some(field) = map.next_entry::<&RawValue, &RawValue>()? {
            fields.push(field);
        }
        Ok(Some(fields))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Fields<'de>, A::Error> {
        while seq.next_element::<&RawValue>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Fields<'de>, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Fields<'de>, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Fields<'de>, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Fields<'de>, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Fields<'de>, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Fields<'de>, E> {
        Ok(None)
    }
}

/// The string a raw JSON value holds, when it is a string; an escaped lone surrogate becomes
/// U+FFFD. `None` for any other value.
pub fn decode_string(raw: &str) -> Option<String> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(inner.to_string());
    }
    if let Ok(s) = serde_json::from_str::<String>(raw) {
        return Some(s);
    }
    // Escapes with a lone surrogate (serde_json refuses those in a String): decode by hand. The
    // raw value was validated by the parser, so every escape is well formed.
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    let mut pending_high: Option<u16> = None;
    let flush = |out: &mut String, high: &mut Option<u16>| {
        if high.take().is_some() {
            out.push('\u{fffd}');
        }
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            flush(&mut out, &mut pending_high);
            out.push(c);
            continue;
        }
        let escaped = chars.next()?;
        if escaped != 'u' {
            flush(&mut out, &mut pending_high);
            out.push(match escaped {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\u{8}',
                'f' => '\u{c}',
                other => other, // '"', '\\', '/'
            });
            continue;
        }
        let hex: String = chars.by_ref().take(4).collect();
        let unit = u16::from_str_radix(&hex, 16).ok()?;
        match unit {
            0xD800..=0xDBFF => {
                flush(&mut out, &mut pending_high);
                pending_high = Some(unit);
            }
            0xDC00..=0xDFFF => match pending_high.take() {
                Some(high) => {
                    let c =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    out.push(char::from_u32(c)?);
                }
                None => out.push('\u{fffd}'),
            },
            _ => {
                flush(&mut out, &mut pending_high);
                out.push(char::from_u32(u32::from(unit))?);
            }
        }
    }
    flush(&mut out, &mut pending_high);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_kept_as_written() {
        let line = r#"{"id":123456789012345678901234567890, "x": 1.10,"big": 1e400,  "s": "\u00e9\ud800", "text": "Hi", "spans": [1], "spans": 2}"#;
        let doc = RawDoc::parse(line).unwrap();
        assert_eq!(
            doc.to_line_with_spans("[]"),
            r#"{"id": 123456789012345678901234567890, "x": 1.10, "big": 1e400, "s": "\u00e9\ud800", "text": "Hi", "spans": []}"#
        );
        let doc = RawDoc::parse(r#"{"text": "a"}"#).unwrap();
        assert_eq!(
            doc.to_line_with_spans("[]"),
            r#"{"text": "a", "spans": []}"#
        );
        let doc = RawDoc::parse("{}").unwrap();
        assert_eq!(doc.to_line_with_spans("[]"), r#"{"spans": []}"#);
    }

    #[test]
    fn text_and_dct_are_read_with_python_semantics() {
        let base = Options::default();
        let doc =
            RawDoc::parse(r#"{"text": "x", "dct": "2014-04-22", "text": "M\ud800R\ud83d\ude00"}"#)
                .unwrap();
        let (text, options) = doc.input(&base).unwrap();
        assert_eq!(text, "M\u{fffd}R😀");
        assert_eq!(options.reference_date, Some("2014-04-22".parse().unwrap()));
        let error = |s: &str| RawDoc::parse(s).unwrap().input(&base).unwrap_err();
        assert_eq!(error(r#"{"id": 1}"#), DocError::NoText);
        assert_eq!(error(r#"{"text": 3}"#), DocError::TextNotString);
        assert_eq!(error(r#"{"text": "x", "dct": 1}"#), DocError::DctNotString);
        assert_eq!(
            error(r#"{"text": "x", "dct": "1998-02-30"}"#),
            DocError::BadDct("1998-02-30".into())
        );
        assert!(RawDoc::parse(r#"{"text": "x", "dct": null}"#)
            .unwrap()
            .input(&base)
            .is_ok());
    }

    #[test]
    fn not_objects_and_bad_json_are_refused() {
        assert_eq!(RawDoc::parse("[1, 2]").err().unwrap(), "not a JSON object");
        assert_eq!(RawDoc::parse("\"x\"").err().unwrap(), "not a JSON object");
        assert!(RawDoc::parse("{\"a\": 1} x")
            .err()
            .unwrap()
            .starts_with("invalid JSON"));
        assert!(RawDoc::parse("{\"a\": 01}").is_err());
        assert!(RawDoc::parse("{\"a\": \"\\x\"}").is_err());
    }

    #[test]
    fn lone_surrogates_decode_to_replacement_characters() {
        assert_eq!(decode_string(r#""\ud800""#).unwrap(), "\u{fffd}");
        assert_eq!(
            decode_string(r#""\udc00\ud800x""#).unwrap(),
            "\u{fffd}\u{fffd}x"
        );
        assert_eq!(decode_string(r#""a\n\"\/\u0041""#).unwrap(), "a\n\"/A");
        assert_eq!(decode_string("1"), None);
    }
}
