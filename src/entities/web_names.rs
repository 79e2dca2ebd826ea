//! Names written the way the web writes them are other names (misc), whatever the tagger read:
//! an e-mail address ("press@example.org"), a web address ("https://example.org/a",
//! "www.example.org", "example.com/about"), a hashtag ("#floodwatch") and a brand written in camel
//! case from a lowercase letter ("wikiHow", "eBay", "iPhone"). The tagger reads such words as
//! anything or nothing (an address is many tokens glued together: "press", "@", "example", ".",
//! "org"); their form alone says what they are. Measured by cross-validation over GUM, which marks
//! all of these as misc (CoNLL-2003's wire copy of 1996 has two addresses and no mark on them).

use super::put_in_place;
use super::tagger::Found;
use crate::text::{Document, TokenKind};
use crate::Kind;

/// Top-level domains a bare address ("podiobooks.com") may end with: the generic ones. A
/// country's ("example.de") needs "www." or a scheme, so an abbreviation never reads as one.
const BARE_DOMAINS: [&str; 7] = ["com", "org", "net", "edu", "gov", "io", "info"];

/// Marks the web names of `doc` as misc names in `found` (kept in text order): each replaces the
/// names inside it ("Gawkerly" of "Gawkerly.com"); one that a longer name takes in ("Amazon.com
/// Inc", "iPhone 7") is left to that name.
pub fn mark(doc: &Document, found: &mut Vec<Found>) {
    let mut web = Vec::new();
    for run in candidate_runs(doc) {
        let text = |r: &std::ops::Range<usize>| {
            &doc.text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end]
        };
        // Read as bytes: no slicing at character boundaries for the many runs that fail.
        let bytes = &doc.text.as_bytes()[doc.tokens[run.start].start..doc.tokens[run.end - 1].end];
        let trimmed = has_web_mark(bytes)
            .then(|| trimmed(doc, run.clone()))
            .flatten();
        match trimmed.filter(|r| is_web_name(text(r))) {
            Some(name) => web.push(name),
            None => web.extend(camel_case_words(doc, run)),
        }
    }
    if web.is_empty() {
        return;
    }
    // The name each token is in, if any (made only when the text has a web name: most have none).
    let mut owner: Vec<Option<std::ops::Range<usize>>> = vec![None; doc.tokens.len()];
    for name in found.iter() {
        for t in name.tokens.clone() {
            owner[t] = Some(name.tokens.clone());
        }
    }
    web.retain(|r| {
        r.clone().all(|t| {
            (owner[t].as_ref()).is_none_or(|name| r.start <= name.start && name.end <= r.end)
        })
    });
    put_in_place(found, web, Kind::Misc);
}

/// Per byte, what [`candidate_runs`] asks of it: an "@" or "#" (`MARK`); before a letter or
/// digit, a "." (`DOT_BEFORE_ALNUM`); before a capital, a lowercase letter (`LOWER_BEFORE_UPPER`);
/// and, of the byte after, whether it is a letter or digit (`ALNUM`), a capital (`UPPER`). Each
/// `_BEFORE_` bit sits 3 below the bit of the byte after that it needs.
const CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let mut class = 0;
        if byte == b'@' || byte == b'#' {
            class |= MARK;
        }
        if byte == b'.' {
            class |= DOT_BEFORE_ALNUM;
        }
        if byte.is_ascii_lowercase() {
            class |= LOWER_BEFORE_UPPER;
        }
        if byte.is_ascii_alphanumeric() {
            class |= ALNUM;
        }
        if byte.is_ascii_uppercase() {
            class |= UPPER;
        }
        classes[b] = class;
        b += 1;
    }
    classes
};
const MARK: u8 = 1;
const DOT_BEFORE_ALNUM: u8 = 1 << 1;
const LOWER_BEFORE_UPPER: u8 = 1 << 2;
const ALNUM: u8 = DOT_BEFORE_ALNUM << 3;
const UPPER: u8 = LOWER_BEFORE_UPPER << 3;

/// The runs of tokens written with no space between them ("press", "@", "example", ".", "org")
/// that may hold a web name, in text order: those with an "@" or a "#", a "." before a letter
/// or digit, or a lowercase letter before a capital (camel case). Every web name has one of
/// these, and most texts few: one pass over the bytes finds them, and only their runs are read.
fn candidate_runs(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let bytes = doc.text.as_bytes();
    let glued = |t: usize| doc.tokens[t - 1].end == doc.tokens[t].start;
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    // The tokens starting at or before the byte read (it only moves forward: linear time).
    let mut t = 0;
    for at in 0..bytes.len().saturating_sub(1) {
        // One table load a byte; the branch is almost never taken.
        let (this, next) = (
            CLASSES[usize::from(bytes[at])],
            CLASSES[usize::from(bytes[at + 1])],
        );
        if this & (MARK | (next & (ALNUM | UPPER)) >> 3) == 0 {
            continue;
        }
        while t < doc.tokens.len() && doc.tokens[t].start <= at {
            t += 1;
        }
        // Byte `at` is in token `t - 1`, unless it is white space; skip a run already taken.
        if t == 0 || doc.tokens[t - 1].end <= at || runs.last().is_some_and(|r| t - 1 < r.end) {
            continue;
        }
        let (mut start, mut end) = (t - 1, t);
        while start > 0 && glued(start) {
            start -= 1;
        }
        while end < doc.tokens.len() && glued(end) {
            end += 1;
        }
        runs.push(start..end);
    }
    runs
}

/// `run` without the punctuation around it ("(", "“" before; ".", ",", ")", "”" after), if any
/// token is left.
fn trimmed(doc: &Document, mut run: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let punct = |t: usize| doc.tokens[t].kind == TokenKind::Punct;
    let opening = |t: usize| {
        punct(t) && matches!(doc.token_text(t), "(" | "[" | "<" | "\"" | "“" | "‘" | "'")
    };
    let closing = |t: usize| {
        punct(t)
            && matches!(
                doc.token_text(t),
                "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | ">" | "\"" | "”" | "’" | "'"
            )
    };
    while !run.is_empty() && opening(run.start) {
        run.start += 1;
    }
    while !run.is_empty() && closing(run.end - 1) {
        run.end -= 1;
    }
    (!run.is_empty()).then_some(run)
}

/// Whether `text` (no white space in it) is an e-mail address, a web address or a hashtag.
fn is_web_name(text: &str) -> bool {
    has_web_mark(text.as_bytes()) && (is_email(text) || is_web_address(text) || is_hashtag(text))
}

/// Whether `text` has an "@", a "." or a "#", as every web name does (most words have none).
fn has_web_mark(text: &[u8]) -> bool {
    text.iter().any(|b| matches!(b, b'@' | b'.' | b'#'))
}

/// "press@example.org": a local part, "@", a domain.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
        && is_domain(domain)
}

/// "https://example.org/a", "www.example.org", "example.com/about": a scheme or "www." and a
/// domain, or a domain with a generic ending; any path after.
fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    let (host, marked) = match rest {
        Some(rest) => (rest, true),
        None => (lower.as_str(), lower.starts_with("www.")),
    };
    let domain = host.split('/').next().unwrap_or("");
    let domain = domain.rsplit_once(':').map_or(domain, |(d, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            d
        } else {
            domain
        }
    });
    is_domain(domain)
        && (marked
            || domain
                .rsplit('.')
                .next()
                .is_some_and(|end| BARE_DOMAINS.contains(&end)))
}

/// Labels of letters, digits and hyphens joined by dots, at least two, the last of two or more
/// letters ("example.co.uk").
fn is_domain(domain: &str) -> bool {
    let mut labels = domain.split('.');
    let Some(last) = labels.next_back() else {
        return false;
    };
    let mut count = 1;
    for label in labels {
        let ok = !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return false;
        }
        count += 1;
    }
    count >= 2 && last.len() >= 2 && last.bytes().all(|b| b.is_ascii_alphabetic())
}

/// "#floodwatch": "#" and a word starting with a letter.
fn is_hashtag(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|tag| {
        tag.chars().next().is_some_and(char::is_alphabetic)
            && tag.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Whether token `t` is the "#" of a hashtag: glued to the word after it ("#floodwatch"), so a
/// name's leading punctuation keeps it.
pub fn opens_hashtag(doc: &Document, t: usize) -> bool {
    doc.token_text(t) == "#"
        && t + 1 < doc.tokens.len()
        && doc.tokens[t].end == doc.tokens[t + 1].start
        && doc.tokens[t + 1].kind == TokenKind::Word
}

/// The words of `run` written in camel case from a lowercase letter: lowercase letters, then
/// a capital and at least two lowercase letters ("wikiHow", "eBay"; not "pH", "mL", "kWh").
fn camel_case_words<'d>(
    doc: &'d Document,
    run: std::ops::Range<usize>,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'd {
    let word = |t: usize| &doc.text.as_bytes()[doc.tokens[t].start..doc.tokens[t].end];
    run.filter(move |&t| doc.tokens[t].kind == TokenKind::Word && is_camel_case(word(t)))
        .map(|t| t..t + 1)
}

fn is_camel_case(bytes: &[u8]) -> bool {
    let head = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    // Most words are all lowercase, or start otherwise: told by the first test.
    if head == 0 || head == bytes.len() {
        return false;
    }
    let tail = &bytes[head..];
    tail[0].is_ascii_uppercase()
        && tail[1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count()
            >= 2
        && bytes.iter().all(u8::is_ascii_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names after [`mark`], texts and kinds, when the tagger found `names`.
    fn marked(text: &str, names: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let doc = Document::new(text);
        let mut found = Found::first_places(&doc, names);
        mark(&doc, &mut found);
        found.iter().map(|f| (f.text(&doc), f.kind)).collect()
    }

    fn misc(texts: &[&str]) -> Vec<(String, Kind)> {
        texts.iter().map(|t| (t.to_string(), Kind::Misc)).collect()
    }

    #[test]
    fn addresses_and_hashtags_are_misc_without_their_punctuation() {
        assert_eq!(
            marked(
                "Write to jo.ann-lee@mail.example.co.uk (or see https://example.org/a/b.html). Tag it #floodwatch, or visit www.example.de.",
                &[]
            ),
            misc(&[
                "jo.ann-lee@mail.example.co.uk",
                "https://example.org/a/b.html",
                "#floodwatch",
                "www.example.de"
            ])
        );
    }

    #[test]
    fn a_web_name_replaces_what_the_tagger_read() {
        assert_eq!(
            marked(
                "Sites such as Gawkerly.com said so, Kim Lee said.",
                &[("Gawkerly", Kind::Person), ("Kim Lee", Kind::Person)]
            ),
            [
                ("Gawkerly.com".to_string(), Kind::Misc),
                ("Kim Lee".to_string(), Kind::Person)
            ]
        );
    }

    #[test]
    fn a_longer_name_keeps_its_web_name() {
        assert_eq!(
            marked(
                "Shares of Amazonia.com Inc rose, and the iPhone 7 sold.",
                &[
                    ("Amazonia.com Inc", Kind::Organization),
                    ("iPhone 7", Kind::Misc)
                ]
            ),
            [
                ("Amazonia.com Inc".to_string(), Kind::Organization),
                ("iPhone 7".to_string(), Kind::Misc)
            ]
        );
    }

    #[test]
    fn camel_case_brands_are_misc() {
        assert_eq!(
            marked("She sold it on eBay and read wikiHow's guide.", &[]),
            misc(&["eBay", "wikiHow"])
        );
        assert_eq!(marked("The pH was 7 and the dose 5 mL, or 3 kWh.", &[]), []);
    }

    #[test]
    fn abbreviations_numbers_and_bare_country_domains_are_not_web_names() {
        for text in [
            "The U.S. and e.g. Mr. Smith.",
            "It cost 3.50 on 10.02.2024.",
            "See example.de for more.",
            "Ranked #1 in the poll.",
            "Meet @ noon.",
            "Email: @ .com",
        ] {
            assert_eq!(marked(text, &[]), [], "{text}");
        }
    }

    #[test]
    fn forms() {
        assert!(is_email("a.b+c@x-y.example.com"));
        assert!(!is_email("a@b"));
        assert!(!is_email("@example.com"));
        assert!(is_web_address("HTTP://Example.ORG:8080/x"));
        assert!(is_web_address("cra.org/resources/survey"));
        assert!(!is_web_address("www.x"));
        assert!(is_hashtag("#IStandWithAhmed"));
        assert!(!is_hashtag("#"));
        assert!(is_camel_case(b"iPhone"));
        assert!(!is_camel_case(b"iOS"));
        assert!(!is_camel_case(b"McDonald"));
    }
}
