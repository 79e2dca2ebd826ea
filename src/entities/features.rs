//! The tagger's features: for each token, a list of hashed feature ids (indices into the model's
//! weight table). Shared by training and tagging, so both see exactly the same features.
//!
//! Features: the word (as written and lowercased), its shape, prefixes and suffixes, the words and
//! shapes of a ±2 window, capitalization and sentence position, ALL-CAPS lines (headlines,
//! datelines, tables), word-list (gazetteer) hits, and document-level clues: whether the same word
//! is written in lowercase elsewhere, or capitalized in the middle of a sentence elsewhere.

use std::borrow::Cow;

use super::lexicon::Lexicon;
use crate::text::{Document, FastMap, TokenKind};

/// 64-bit FNV-1a, fed piece by piece; stable across platforms and runs.
#[derive(Clone, Copy)]
struct Hasher(u64);

impl Hasher {
    fn new(template: u8) -> Hasher {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }

    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn str(mut self, s: &str) -> Hasher {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self.byte(0x1f);
        self
    }

    fn finish(self, bits: u32) -> u32 {
        // Fold the high bits in: FNV's low bits alone mix poorly.
        let h = self.0 ^ (self.0 >> 29) ^ (self.0 >> 47);
        (h & ((1u64 << bits) - 1)) as u32
    }
}

/// What the features need to know about one token.
struct TokenInfo<'a> {
    /// Borrowed from the text when already lowercase ASCII, as most words are: no allocation.
    lower: Cow<'a, str>,
    shape: String,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Has letters, none lowercase, at least two of them.
    all_caps: bool,
    /// First word of its sentence (after opening quotes and brackets).
    initial: bool,
    /// In a line with no lowercase letter (headline, dateline, table row).
    caps_line: bool,
    /// Gazetteer marks: bit per list, for a whole-phrase match starting here (B) or inside (I).
    gaz: u32,
}

/// Word-list bits.
mod gaz {
    pub const PLACE_B: u32 = 1;
    pub const PLACE_I: u32 = 1 << 1;
    pub const ORG_B: u32 = 1 << 2;
    pub const ORG_I: u32 = 1 << 3;
    pub const NAT_B: u32 = 1 << 4;
    pub const NAT_I: u32 = 1 << 5;
    pub const GIVEN: u32 = 1 << 6;
    pub const TITLE: u32 = 1 << 7;
    pub const CALENDAR: u32 = 1 << 8;
    pub const STOP: u32 = 1 << 9;
    pub const ORG_SUFFIX: u32 = 1 << 10;
    pub const PLACE_SUFFIX: u32 = 1 << 11;
    pub const MISC_SUFFIX: u32 = 1 << 12;
    pub const CITY_B: u32 = 1 << 13;
    pub const CITY_I: u32 = 1 << 14;
    pub const REGION_B: u32 = 1 << 15;
    pub const REGION_I: u32 = 1 << 16;
    pub const NAMES: [&str; 17] = [
        "pB", "pI", "oB", "oI", "nB", "nI", "given", "title", "cal", "stop", "osuf", "psuf",
        "msuf", "cB", "cI", "rB", "rI",
    ];
}

/// The shape of a word: character classes, runs longer than two squeezed ("Xxxxx" → "Xxx"),
/// at most a few characters kept.
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if class == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = class;
        }
        out.push(class);
        if out.len() >= 12 {
            break;
        }
    }
    out
}

fn infos<'a>(doc: &Document<'a>, lexicon: &Lexicon) -> Vec<TokenInfo<'a>> {
    let n = doc.tokens.len();
    let mut infos: Vec<TokenInfo> = (0..n)
        .map(|i| {
            let text = doc.token_text(i);
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            TokenInfo {
                lower: match text
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
                {
                    true => Cow::Borrowed(text),
                    false => Cow::Owned(text.to_lowercase()),
                },
                shape: shape(text),
                cap: doc.is_capitalized(i),
                all_caps: letters >= 2 && !text.chars().any(char::is_lowercase),
                initial: false,
                caps_line: false,
                gaz: 0,
            }
        })
        .collect();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        if let Some(first) = range
            .clone()
            .find(|&t| doc.tokens[t].kind != TokenKind::Punct)
        {
            infos[first].initial = true;
        }
    }
    // Lines without lowercase letters.
    let mut line_start = 0;
    for i in 0..=n {
        let line_ends = i == n || (i > line_start && doc.line_break_between(i - 1, i));
        if line_ends {
            let any_lower =
                (line_start..i).any(|t| doc.token_text(t).chars().any(char::is_lowercase));
            let any_letter =
                (line_start..i).any(|t| doc.token_text(t).chars().any(char::is_alphabetic));
            if !any_lower && any_letter {
                for info in &mut infos[line_start..i] {
                    info.caps_line = true;
                }
            }
            line_start = i;
        }
    }
    // Word lists: single words, then phrases (longest first) within sentences.
    let words = [
        (&lexicon.given_names, gaz::GIVEN),
        (&lexicon.titles, gaz::TITLE),
        (&lexicon.calendar, gaz::CALENDAR),
        (&lexicon.stopwords, gaz::STOP),
        (&lexicon.org_suffixes, gaz::ORG_SUFFIX),
        (&lexicon.place_suffixes, gaz::PLACE_SUFFIX),
        (&lexicon.misc_suffixes, gaz::MISC_SUFFIX),
    ];
    for info in infos.iter_mut() {
        info.gaz = words
            .iter()
            .filter(|(list, _)| list.contains(&info.lower))
            .fold(0, |g, (_, bit)| g | bit);
    }
    let lists = [
        (&lexicon.places, gaz::PLACE_B, gaz::PLACE_I),
        (&lexicon.organizations, gaz::ORG_B, gaz::ORG_I),
        (&lexicon.nationalities, gaz::NAT_B, gaz::NAT_I),
        (&lexicon.geo_cities, gaz::CITY_B, gaz::CITY_I),
        (&lexicon.geo_regions, gaz::REGION_B, gaz::REGION_I),
    ];
    for (list, b, inside) in lists {
        let longest = list.longest().max(1);
        for sentence in &doc.sentences {
            let end = sentence.tokens.end;
            let mut i = sentence.tokens.start;
            let mut key = String::new();
            while i < end {
                let mut matched = 0;
                key.clear();
                let stop = end.min(i + longest);
                for (j, info) in infos.iter().enumerate().take(stop).skip(i) {
                    if doc.tokens[j].kind == TokenKind::Punct
                        && !matches!(doc.token_text(j), "&" | "-")
                    {
                        break;
                    }
                    if j > i {
                        key.push(' ');
                    }
                    key.push_str(&info.lower);
                    if list.contains(&key) {
                        matched = j + 1 - i;
                    }
                    if !list.starts_longer(&key) {
                        break;
                    }
                }
                if matched > 0 {
                    infos[i].gaz |= b;
                    for info in &mut infos[i + 1..i + matched] {
                        info.gaz |= inside;
                    }
                    i += matched;
                } else {
                    i += 1;
                }
            }
        }
    }
    infos
}

/// Hashed feature ids for every token of `doc`, `bits` wide; `out[i]` lists token `i`'s.
pub fn extract(doc: &Document, lexicon: &Lexicon, bits: u32) -> Vec<Vec<u32>> {
    let features = Features::new(doc, lexicon, bits);
    let mut out = Vec::with_capacity(doc.tokens.len());
    for i in 0..doc.tokens.len() {
        let mut f = Vec::new();
        features.token(i, &mut f);
        out.push(f);
    }
    out
}

/// What the features of any token need, computed once per document; the features themselves
/// are made one token at a time, so tagging a long text never holds them all (tens of bytes a
/// token instead of hundreds).
pub struct Features<'d, 'a> {
    doc: &'d Document<'a>,
    bits: u32,
    infos: Vec<TokenInfo<'a>>,
    /// Document-level, per token: whether its word is written elsewhere in lowercase, and
    /// capitalized in the middle of a sentence in mixed-case text.
    elsewhere: Vec<(bool, bool)>,
}

impl<'d, 'a> Features<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, lexicon: &Lexicon, bits: u32) -> Features<'d, 'a> {
        let infos = infos(doc, lexicon);
        let mut seen: FastMap<&str, (bool, bool)> = FastMap::default();
        for info in &infos {
            let entry = seen.entry(&*info.lower).or_default();
            let first_lower = !info.cap && !info.all_caps;
            if first_lower && info.lower.chars().next().is_some_and(char::is_alphabetic) {
                entry.0 = true;
            }
            if info.cap && !info.initial && !info.caps_line {
                entry.1 = true;
            }
        }
        let elsewhere = infos.iter().map(|info| seen[&*info.lower]).collect();
        Features {
            doc,
            bits,
            infos,
            elsewhere,
        }
    }

    /// Token `i`'s feature ids, sorted and distinct, into `f` (cleared first).
    pub fn token(&self, i: usize, f: &mut Vec<u32>) {
        let (doc, bits, infos) = (self.doc, self.bits, &self.infos);
        let n = infos.len();
        // A neighbour's word or shape; the sentence-edge markers past the text's ends.
        let edge = |i: isize| if i < 0 { "<s>" } else { "</s>" };
        let neighbour = |i: isize| usize::try_from(i).ok().and_then(|i| infos.get(i));
        let word = |i: isize| neighbour(i).map_or(edge(i), |info| &*info.lower);
        let shp = |i: isize| neighbour(i).map_or(edge(i), |info| info.shape.as_str());
        let info = &infos[i];
        f.clear();
        let mut add = |h: Hasher| f.push(h.finish(bits));
        let ii = i as isize;
        let raw = doc.token_text(i);
        let w = &*info.lower;
        add(Hasher::new(0));
        add(Hasher::new(1).str(w));
        add(Hasher::new(2).str(raw));
        add(Hasher::new(3).str(&info.shape));
        // Prefixes of 1-3 and suffixes of 1-4 characters, as slices of the word.
        for (k, (start, _)) in w.char_indices().rev().take(4).enumerate() {
            add(Hasher::new(5 + k as u8).str(&w[start..]));
        }
        let prefix_ends = w.char_indices().skip(1).map(|(b, _)| b).chain([w.len()]);
        for (k, end) in prefix_ends.take(3).enumerate() {
            add(Hasher::new(11 + k as u8).str(&w[..end]));
        }
        add(Hasher::new(20).str(word(ii - 1)));
        add(Hasher::new(21).str(word(ii + 1)));
        add(Hasher::new(22).str(word(ii - 2)));
        add(Hasher::new(23).str(word(ii + 2)));
        add(Hasher::new(24).str(word(ii - 1)).str(w));
        add(Hasher::new(25).str(w).str(word(ii + 1)));
        add(Hasher::new(26).str(shp(ii - 1)).str(&info.shape));
        add(Hasher::new(27).str(&info.shape).str(shp(ii + 1)));
        add(Hasher::new(28)
            .str(shp(ii - 1))
            .str(&info.shape)
            .str(shp(ii + 1)));
        add(Hasher::new(29).str(word(ii - 2)).str(word(ii - 1)));
        add(Hasher::new(30).str(word(ii + 1)).str(word(ii + 2)));
        let position = match (info.initial, info.caps_line) {
            (true, true) => "IC",
            (true, false) => "I",
            (false, true) => "C",
            (false, false) => "-",
        };
        add(Hasher::new(31).str(position).str(&info.shape));
        if info.caps_line {
            add(Hasher::new(32).str(w));
        } else if info.initial {
            add(Hasher::new(33).str(w));
        }
        let (lower_elsewhere, cap_elsewhere) = self.elsewhere[i];
        if info.cap || info.all_caps {
            let doc_clue = match (lower_elsewhere, cap_elsewhere) {
                (true, true) => "both",
                (true, false) => "lower",
                (false, true) => "cap",
                (false, false) => "none",
            };
            add(Hasher::new(34).str(doc_clue).str(position));
        }
        for (bit, name) in gaz::NAMES.iter().enumerate() {
            if info.gaz & (1 << bit) != 0 {
                add(Hasher::new(40).str(name));
                add(Hasher::new(41).str(name).str(if info.cap || info.all_caps {
                    "C"
                } else {
                    "l"
                }));
            }
        }
        for (offset, template) in [(-1isize, 42u8), (1, 43), (-2, 44), (2, 45)] {
            let j = ii + offset;
            if j >= 0 && (j as usize) < n {
                let g = infos[j as usize].gaz;
                for (bit, name) in gaz::NAMES.iter().enumerate() {
                    if g & (1 << bit) != 0 {
                        add(Hasher::new(template).str(name));
                    }
                }
            }
        }
        // Line break before / after: names often stand alone on a line (bylines, datelines).
        if i > 0 && doc.line_break_between(i - 1, i) {
            add(Hasher::new(46).str(&info.shape));
        }
        if i + 1 < n && doc.line_break_between(i, i + 1) {
            add(Hasher::new(47).str(&info.shape));
        }
        f.sort_unstable();
        f.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_squeeze_runs() {
        assert_eq!(shape("Putin"), "Xxx");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dd-dd-dd");
        assert_eq!(shape("McCaul"), "XxXxx");
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let lexicon = Lexicon::new();
        let doc = Document::new("PUTIN IN BUDAPEST\nVladimir Putin met officials in Budapest.");
        let a = extract(&doc, &lexicon, 12);
        let b = extract(&doc, &lexicon, 12);
        assert_eq!(a, b);
        assert_eq!(a.len(), doc.tokens.len());
        assert!(a.iter().flatten().all(|&f| f < 1 << 12));
    }
}
