//! Python's semantics on JSON values, as `score.py` relies on them: `isinstance(v, int)`, truth,
//! `==`, `str`/`repr`, `str.strip()`, dict keys, `in` and code-point slices.

use std::fmt::Write as _;

use crate::json::{field, is_python_space, python_float, Json};

/// Python's `isinstance(v, int)` (bools included) with the integer.
pub(super) fn python_int(value: Option<&Json>) -> Option<i128> {
    match value? {
        Json::Int(n) => Some(*n),
        Json::Bool(b) => Some(i128::from(*b)),
        _ => None,
    }
}

/// Python's truth value of a JSON value.
pub(super) fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Int(n) => *n != 0,
        Json::Float(f) => *f != 0.0,
        Json::Str(s) => !s.is_empty(),
        Json::Array(items) => !items.is_empty(),
        Json::Object(fields) => !fields.is_empty(),
    }
}

/// A float that equals an integer, as that integer.
fn integral(f: f64) -> Option<i128> {
    (f.fract() == 0.0 && f.abs() < 1e38).then_some(f as i128)
}

/// Python's `==` between JSON values (`1 == 1.0 == True`, dicts regardless of key order).
pub(super) fn python_eq(a: &Json, b: &Json) -> bool {
    enum Num {
        I(i128),
        F(f64),
    }
    let number = |v: &Json| match v {
        Json::Bool(b) => Some(Num::I(i128::from(*b))),
        Json::Int(n) => Some(Num::I(*n)),
        Json::Float(f) => Some(Num::F(*f)),
        _ => None,
    };
    match (a, b) {
        (Json::Null, Json::Null) => true,
        (Json::Str(x), Json::Str(y)) => x == y,
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| python_eq(x, y))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| field(y, k).is_some_and(|w| python_eq(v, w)))
        }
        _ => match (number(a), number(b)) {
            (Some(Num::I(x)), Some(Num::I(y))) => x == y,
            (Some(Num::F(x)), Some(Num::F(y))) => x == y,
            (Some(Num::I(x)), Some(Num::F(y))) | (Some(Num::F(y)), Some(Num::I(x))) => {
                integral(y) == Some(x)
            }
            _ => false,
        },
    }
}

/// Python's `repr` of a string (quotes chosen as Python chooses them).
fn python_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let n = c as u32;
                let _ = if n < 0x100 {
                    write!(out, "\\x{n:02x}")
                } else {
                    write!(out, "\\u{n:04x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str(v)` of a JSON value (as `json.loads` would have built it).
pub(super) fn python_str(value: &Json) -> String {
    match value {
        Json::Str(s) => s.clone(),
        other => python_repr(other),
    }
}

fn python_repr(value: &Json) -> String {
    match value {
        Json::Null => "None".into(),
        Json::Bool(true) => "True".into(),
        Json::Bool(false) => "False".into(),
        Json::Int(n) => n.to_string(),
        Json::Float(f) => python_float(*f),
        Json::Str(s) => python_repr_str(s),
        Json::Array(items) => {
            let items: Vec<String> = items.iter().map(python_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Json::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{}: {}", python_repr_str(k), python_repr(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}

/// Python's `str.strip()`.
pub(super) fn python_strip(s: &str) -> &str {
    s.trim_matches(is_python_space)
}

/// A document id as a Python dict key: equal keys exactly when Python's `==` holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Key {
    None,
    Int(i128),
    Float(u64),
    Str(String),
    /// Lists and objects (unhashable in Python, where `score.py` would fail).
    Other(String),
}

pub(super) fn key(id: Option<&Json>) -> Key {
    match id {
        None | Some(Json::Null) => Key::None,
        Some(Json::Bool(b)) => Key::Int(i128::from(*b)),
        Some(Json::Int(n)) => Key::Int(*n),
        Some(Json::Float(f)) => match integral(*f) {
            Some(n) => Key::Int(n),
            None => Key::Float(f.to_bits()),
        },
        Some(Json::Str(s)) => Key::Str(s.clone()),
        Some(other) => Key::Other(other.to_line()),
    }
}

/// Python's `layer in (doc.get("layers") or [])`.
pub(super) fn has_layer(layers: Option<&Json>, layer: &str) -> bool {
    match layers {
        Some(Json::Array(items)) => items.iter().any(|item| item.as_str() == Some(layer)),
        Some(Json::Str(s)) => s.contains(layer),
        Some(Json::Object(fields)) => field(fields, layer).is_some(),
        _ => false,
    }
}

/// Python's `text[a:b]` with code-point indices (negative from the end, clamped).
pub(super) fn python_slice(text: &str, a: i128, b: i128) -> String {
    let len = text.chars().count() as i128;
    let clamp = |i: i128| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let (a, b) = (clamp(a), clamp(b));
    if b <= a {
        return String::new();
    }
    text.chars()
        .skip(a as usize)
        .take((b - a) as usize)
        .collect()
}
