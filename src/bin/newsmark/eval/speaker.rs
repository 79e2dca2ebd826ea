//! Speaker accuracy (the last word of the speaker mention) and speaker entity accuracy
//! (`score.py --speaker-entities`: names sharing a last word or initials).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use super::python::{has_layer, key, python_int, python_slice, python_strip, truthy, Key};
use super::spans::{lenient_quote, matching, spans_of, Sp};
use super::{objects, Accuracy, QUOTE_LABELS};
use crate::json::{field, Json};

/// What `speaker_text` returns, when truthy: the string, or a non-string value (on which
/// `score.py` would fail; here it has no last word).
pub(super) enum SpeakerText {
    Text(String),
    Opaque,
}

pub(super) fn speaker_text(doc_text: Option<&str>, s: &Sp) -> Option<SpeakerText> {
    if let Some(speaker) = s.get("speaker").filter(|v| truthy(v)) {
        return Some(match speaker {
            Json::Str(text) => SpeakerText::Text(text.clone()),
            _ => SpeakerText::Opaque,
        });
    }
    let a = python_int(s.get("speaker_start"))?;
    let b = python_int(s.get("speaker_end"))?;
    if b <= a {
        return None;
    }
    let text = python_slice(doc_text?, a, b);
    (!text.is_empty()).then_some(SpeakerText::Text(text))
}

/// The last `\w+` word of the lowercased text. Python's `\w` on `str` is exactly the Unicode
/// letters and numbers (categories L*, N*) and `_`; Rust's `\w` would add marks and connectors.
pub(super) fn last_word(speaker: &SpeakerText) -> Option<String> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let SpeakerText::Text(text) = speaker else {
        return None;
    };
    let word = WORD.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));
    let lower = text.to_lowercase();
    let last = word.find_iter(&lower).last();
    last.map(|m| m.as_str().to_string())
}

pub(super) fn speaker_correct(
    gold_text: Option<&str>,
    g: &Sp,
    pred_text: Option<&str>,
    p: &Sp,
) -> bool {
    if let (Some(gs), Some(ps)) = (speaker_text(gold_text, g), speaker_text(pred_text, p)) {
        if let Some(word) = last_word(&gs) {
            if last_word(&ps) == Some(word) {
                return true;
            }
        }
    }
    let offsets = [
        g.get("speaker_start"),
        g.get("speaker_end"),
        p.get("speaker_start"),
        p.get("speaker_end"),
    ]
    .map(python_int);
    match offsets {
        [Some(ga), Some(gb), Some(pa), Some(pb)] => gb.min(pb) - ga.max(pa) > 0,
        _ => false,
    }
}

/// Speaker entity accuracy over lenient-matched gold quotes whose gold names the entity of its
/// speaker (`speaker_entity_names`, else `speaker_entity`), overall and where the gold speaker
/// mention is a pronoun.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeakerEntityAccuracy {
    pub accuracy: Accuracy,
    pub pronoun: Accuracy,
}

impl SpeakerEntityAccuracy {
    pub(super) fn to_json(self) -> Json {
        let mut fields = self.accuracy.fields();
        fields.push(("pronoun_correct".into(), self.pronoun.correct.into()));
        fields.push(("pronoun_n".into(), self.pronoun.n.into()));
        fields.push(("pronoun_acc".into(), self.pronoun.acc.into()));
        Json::Object(fields)
    }

    pub(super) fn table_line(self) -> String {
        let (a, p) = (self.accuracy, self.pronoun);
        format!(
            "  speaker entity accuracy: {:.3} ({}/{}); pronoun speakers {:.3} ({}/{})",
            a.acc, a.correct, a.n, p.acc, p.correct, p.n
        )
    }
}

/// The speaker mentions `score.py` counts as pronouns.
const PRONOUNS: [&str; 10] = [
    "he", "she", "they", "i", "we", "it", "him", "her", "them", "you",
];

/// The speaker entity accuracy of the quotes layer; `None` when no matched gold quote names
/// an entity (then `score.py` prints nothing).
pub(super) fn speaker_entity_accuracy(
    gold: &[Json],
    pred: &[Json],
) -> Result<Option<SpeakerEntityAccuracy>, String> {
    let gold_docs = objects(gold, "gold")?;
    let mut preds: HashMap<Key, &[(String, Json)]> = HashMap::new();
    for doc in objects(pred, "predicted")? {
        preds.entry(key(field(doc, "id"))).or_insert(doc);
    }
    let (mut ok, mut n, mut pronoun_ok, mut pronoun_n) = (0, 0, 0, 0);
    for g in gold_docs
        .into_iter()
        .filter(|g| has_layer(field(g, "layers"), "quotes"))
    {
        let empty: [(String, Json); 0] = [];
        let p = preds.get(&key(field(g, "id"))).copied().unwrap_or(&empty);
        let (gs, ps) = (spans_of(g, &QUOTE_LABELS), spans_of(p, &QUOTE_LABELS));
        let gtext = field(g, "text").and_then(Json::as_str);
        for (gi, pi) in matching(&gs, &ps, lenient_quote) {
            let Some(names) = gold_entity_names(&gs[gi]) else {
                continue;
            };
            let pronoun = match speaker_text(gtext, &gs[gi]) {
                Some(SpeakerText::Text(text)) => {
                    PRONOUNS.contains(&python_strip(&text).to_lowercase().as_str())
                }
                _ => false,
            };
            let correct = entity_correct(&names, ps[pi].get("speaker_entity"));
            n += 1;
            ok += usize::from(correct);
            pronoun_n += usize::from(pronoun);
            pronoun_ok += usize::from(pronoun && correct);
        }
    }
    Ok((n > 0).then(|| SpeakerEntityAccuracy {
        accuracy: Accuracy::new(ok, n),
        pronoun: Accuracy::new(pronoun_ok, pronoun_n),
    }))
}

/// The gold names of a quote's speaker entity, when it has any: Python's
/// `g.get("speaker_entity_names") or [g.get("speaker_entity")]`, iterated as Python would (a
/// string's characters, an object's keys).
fn gold_entity_names(g: &Sp) -> Option<Vec<Json>> {
    let truthy_field = |key: &str| g.get(key).filter(|v| truthy(v));
    match (
        truthy_field("speaker_entity_names"),
        truthy_field("speaker_entity"),
    ) {
        (Some(Json::Array(items)), _) => Some(items.clone()),
        (Some(Json::Str(s)), _) => Some(s.chars().map(|c| Json::Str(c.into())).collect()),
        (Some(Json::Object(fields)), _) => {
            Some(fields.iter().map(|(k, _)| Json::from(k.as_str())).collect())
        }
        (Some(_), _) => Some(Vec::new()),
        (None, Some(name)) => Some(vec![name.clone()]),
        (None, None) => None,
    }
}

/// `speaker_entity_correct`: the predicted entity name shares a key (last word, initials) with
/// one of the gold names.
fn entity_correct(names: &[Json], predicted: Option<&Json>) -> bool {
    let predicted = name_keys(predicted);
    !predicted.is_empty()
        && names
            .iter()
            .filter(|name| truthy(name))
            .any(|name| name_keys(Some(name)).iter().any(|k| predicted.contains(k)))
}

/// `name_keys`: a name's last `\w+` word and, with several capitalized words, their initials,
/// lowercase. A value that is no string has none.
fn name_keys(name: Option<&Json>) -> Vec<String> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let Some(Json::Str(name)) = name else {
        return Vec::new();
    };
    let word = WORD.get_or_init(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid pattern"));
    let words: Vec<&str> = word.find_iter(name).map(|m| m.as_str()).collect();
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let mut keys = vec![last.to_lowercase()];
    let capitals: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    if capitals.len() > 1 {
        keys.push(capitals.into_iter().collect::<String>().to_lowercase());
    }
    keys
}
