//! What the features need to know about each token, computed once per document: case and
//! sentence position, ALL-CAPS lines, word-list (gazetteer) marks of words and phrases, the
//! word's Brown cluster and capitalization band, and which tokens the tagger reads at all.

use std::ops::Range;

use super::super::lexicon::{fnv, fnv1, list, Lexicon, Marks, WordSet};
use super::words::{fnv_lower, push_lower, shape_hash};
use crate::text::{Document, FastSet, TokenKind};

/// What the features need to know about one token.
#[derive(Default)]
pub(super) struct TokenInfo {
    /// Hashes of the lowercased word and of its shape.
    pub(super) lower: u64,
    pub(super) shape: u64,
    /// Starts with an uppercase letter.
    pub(super) cap: bool,
    /// Has letters, none lowercase, at least two of them.
    pub(super) all_caps: bool,
    /// First word of its sentence (after opening quotes and brackets).
    pub(super) initial: bool,
    /// In a line with no lowercase letter (headline, dateline, table row).
    pub(super) caps_line: bool,
    /// A line break between the previous token and this one.
    pub(super) break_before: bool,
    /// Has a lowercase letter; an uppercase one; a letter.
    pub(super) any_lower: bool,
    pub(super) any_upper: bool,
    /// Has an uppercase letter that may be a name's: not that of "The" opening a sentence, of
    /// the pronoun "I" or of "Friday" ([`mark_name_capitals`]).
    pub(super) name_capital: bool,
    pub(super) any_letter: bool,
    /// Its lowercase starts with a letter.
    pub(super) lower_starts_alpha: bool,
    /// Gazetteer marks: bit per list, for a whole-phrase match starting here (B) or inside (I).
    pub(super) gaz: u32,
    /// The Brown cluster of the word as written (of "Nashville" for "NASHVILLE"); 0 for none.
    pub(super) cluster: u32,
    /// 1 + the word-vector class of the word as written (or capitalized, as the cluster); 0 for
    /// none.
    pub(super) vector: u8,
    /// How often the word is capitalized rather than lowercase, 0 to 4; [`NO_BAND`] unknown.
    pub(super) band: u8,
}

/// The capitalization band of a word the table does not have.
const NO_BAND: u8 = 5;

/// Word-list bits.
pub(super) mod gaz {
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
    pub const COMPANY_B: u32 = 1 << 17;
    pub const COMPANY_I: u32 = 1 << 18;
    pub const CLUB_B: u32 = 1 << 19;
    pub const CLUB_I: u32 = 1 << 20;
}

/// The single-word lists and their bits.
const WORD_LISTS: [(u32, u32); 7] = [
    (list::GIVEN_NAMES, gaz::GIVEN),
    (list::TITLES, gaz::TITLE),
    (list::CALENDAR, gaz::CALENDAR),
    (list::STOPWORDS, gaz::STOP),
    (list::ORG_SUFFIXES, gaz::ORG_SUFFIX),
    (list::PLACE_SUFFIXES, gaz::PLACE_SUFFIX),
    (list::MISC_SUFFIXES, gaz::MISC_SUFFIX),
];

/// The phrase lists and their begin / inside bits.
const PHRASE_LISTS: [(u32, u32, u32); 7] = [
    (list::PLACES, gaz::PLACE_B, gaz::PLACE_I),
    (list::ORGANIZATIONS, gaz::ORG_B, gaz::ORG_I),
    (list::NATIONALITIES, gaz::NAT_B, gaz::NAT_I),
    (list::GEO_CITIES, gaz::CITY_B, gaz::CITY_I),
    (list::GEO_REGIONS, gaz::REGION_B, gaz::REGION_I),
    (list::COMPANIES, gaz::COMPANY_B, gaz::COMPANY_I),
    (list::SPORTS_CLUBS, gaz::CLUB_B, gaz::CLUB_I),
];

/// Per byte, as [`scan`] reads an ASCII word: the lowercase byte, and above it whether the byte
/// is a letter, a lowercase letter, an uppercase letter.
const BYTES: [u16; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let mut class = byte.to_ascii_lowercase() as u16;
        if byte.is_ascii_alphabetic() {
            class |= LETTER;
        }
        if byte.is_ascii_lowercase() {
            class |= LOWER;
        }
        if byte.is_ascii_uppercase() {
            class |= UPPER;
        }
        table[b] = class;
        b += 1;
    }
    table
};
const LETTER: u16 = 1 << 8;
const LOWER: u16 = 1 << 9;
const UPPER: u16 = 1 << 10;

/// Token `i`'s case, letters, lowercase hash and word-list marks: what every token needs (for
/// the caps lines, the document clues and the phrase lists). An ASCII word (most are) takes one
/// pass over its bytes and no lowercase copy; `buf` holds the lowercase of any other.
fn scan(doc: &Document, lexicon: &Lexicon, i: usize, buf: &mut String) -> (TokenInfo, Marks) {
    let text = doc.token_text(i);
    let (mut letters, mut any_lower, mut any_upper) = (0, false, false);
    let (lower, marks, first_upper, lower_starts_alpha);
    if text.is_ascii() {
        let (mut h, mut seen) = (fnv(None), 0);
        for b in text.bytes() {
            // One table load a byte: its lowercase and its classes.
            let class = BYTES[usize::from(b)];
            letters += usize::from(class & LETTER != 0);
            seen |= class;
            h = fnv1(h, class as u8);
        }
        (any_lower, any_upper) = (seen & LOWER != 0, seen & UPPER != 0);
        lower = h;
        // A listed word is lowercase: equal to the lowercased text iff equal ignoring ASCII case.
        marks = lexicon.marks(lower, |w| w.eq_ignore_ascii_case(text));
        first_upper = text.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        lower_starts_alpha = text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    } else {
        for c in text.chars() {
            letters += usize::from(c.is_alphabetic());
            any_lower |= c.is_lowercase();
            any_upper |= c.is_uppercase();
        }
        buf.clear();
        push_lower(buf, text);
        lower = fnv(buf.bytes());
        marks = lexicon.marks(lower, |w| w == buf.as_str());
        first_upper = text.chars().next().is_some_and(char::is_uppercase);
        lower_starts_alpha = buf.chars().next().is_some_and(char::is_alphabetic);
    }
    let info = TokenInfo {
        lower,
        cap: first_upper && doc.tokens[i].kind == TokenKind::Word,
        all_caps: letters >= 2 && !any_lower,
        break_before: i > 0 && doc.line_break_between(i - 1, i),
        any_lower,
        any_upper,
        any_letter: letters > 0,
        lower_starts_alpha,
        gaz: word_list_bits(marks.entry),
        ..TokenInfo::default()
    };
    (info, marks)
}

/// The gazetteer bits of the single-word lists a word is in (`entry`: bit per list).
fn word_list_bits(entry: u16) -> u32 {
    if entry == 0 {
        return 0;
    }
    WORD_LISTS
        .iter()
        .filter(|&&(l, _)| entry & (1 << l) != 0)
        .fold(0, |g, (_, bit)| g | bit)
}

/// Every token's [`TokenInfo`]; the shapes only where `needed` (the others are never read).
pub(super) fn infos(doc: &Document, lexicon: &Lexicon, every: bool) -> (Vec<TokenInfo>, Vec<bool>) {
    let mut buf = String::new();
    let (mut infos, marks): (Vec<TokenInfo>, Vec<Marks>) = (0..doc.tokens.len())
        .map(|i| scan(doc, lexicon, i, &mut buf))
        .unzip();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        if let Some(first) = range
            .clone()
            .find(|&t| doc.tokens[t].kind != TokenKind::Punct)
        {
            infos[first].initial = true;
        }
    }
    mark_caps_lines(&mut infos);
    mark_name_capitals(doc, &mut infos);
    mark_phrases(doc, lexicon, &marks, &mut infos);
    let needed = if every {
        vec![true; infos.len()]
    } else {
        read_by_tagger(doc, &infos)
    };
    for (i, info) in infos.iter_mut().enumerate() {
        if needed[i] {
            let word = doc.token_text(i);
            info.shape = shape_hash(word, &mut buf);
            (info.cluster, info.vector) = classes(lexicon, word, info.cap, info.all_caps);
            info.band = lexicon.words.case_band(info.lower).unwrap_or(NO_BAND);
        }
    }
    (infos, needed)
}

/// The Brown cluster of `word` as written, and 1 + its word-vector class; each of its
/// capitalized form ("Nashville") when it is all caps ("NASHVILLE") and as written has none. 0
/// for none. Only capitalized words (`cap`, `all_caps`) are looked up in the vector classes:
/// they list no other, and a word they do not list finds a class by chance.
fn classes(lexicon: &Lexicon, word: &str, cap: bool, all_caps: bool) -> (u32, u8) {
    let words = &lexicon.words;
    let hash = fnv(word.bytes());
    let mut cluster = words.cluster(hash);
    let mut vector = (cap || all_caps)
        .then(|| words.vector_class(hash))
        .flatten();
    if all_caps && (cluster.is_none() || vector.is_none()) {
        let mut chars = word.chars();
        let mut buf = [0; 4];
        let first = chars
            .next()
            .map_or(&[][..], |c| c.encode_utf8(&mut buf).as_bytes());
        let title = fnv_lower(fnv(first.iter().copied()), chars.as_str());
        cluster = cluster.or_else(|| words.cluster(title));
        vector = vector.or_else(|| words.vector_class(title));
    }
    (cluster.unwrap_or(0), vector.map_or(0, |class| class + 1))
}

/// The tokens whose preparation the tagger reads: those it scores ([`near_capital`]) and their
/// ±2 window.
fn read_by_tagger(doc: &Document, infos: &[TokenInfo]) -> Vec<bool> {
    let mut needed = vec![false; infos.len()];
    for sentence in &doc.sentences {
        for i in sentence.tokens.clone() {
            if near_capital(infos, i, sentence.tokens.clone()) {
                let window = i.saturating_sub(2)..(i + 3).min(infos.len());
                needed[window].fill(true);
            }
        }
    }
    needed
}

/// Whether token `i` or a neighbour in `sentence` has an uppercase letter that may be a name's.
pub(super) fn near_capital(infos: &[TokenInfo], i: usize, sentence: Range<usize>) -> bool {
    let upper = |j: usize| infos[j].name_capital;
    upper(i) || (i > sentence.start && upper(i - 1)) || (i + 1 < sentence.end && upper(i + 1))
}

/// Sets [`TokenInfo::name_capital`]: every uppercase letter may be a name's but three that are
/// not, in mixed-case text:
/// - a function word's ("The", "He", "But": the stop list) opening a sentence, unless the
///   document also capitalizes that word inside a sentence (a name then, as "May" or "Will");
/// - the pronoun "I" ("I", "I'm", "I've");
/// - a month's or a weekday's ("Friday"), unless the document writes that word right after a
///   name's capital too ("Theresa May").
///
/// A name's word next to one of these is read all the same ("World War I", "Good Friday"):
/// the tagger reads the neighbours of every name capital.
fn mark_name_capitals(doc: &Document, infos: &mut [TokenInfo]) {
    let plain = |t: &TokenInfo| t.cap && !t.all_caps && !t.caps_line;
    let function_word = |t: &TokenInfo| plain(t) && t.gaz & gaz::STOP != 0;
    let calendar = |t: &TokenInfo| plain(t) && t.gaz & gaz::CALENDAR != 0;
    let pronoun = |i: usize| {
        let text = doc.token_text(i);
        text == "I" || text.starts_with("I'") || text.starts_with("I\u{2019}")
    };
    let weak = |i: usize, t: &TokenInfo| {
        (t.initial && function_word(t)) || calendar(t) || (plain(t) && pronoun(i))
    };
    // The words that are names somewhere in the document.
    let after_name = |i: usize| i > 0 && infos[i - 1].any_upper && !weak(i - 1, &infos[i - 1]);
    let named: FastSet<u64> = (infos.iter().enumerate())
        .filter(|&(i, t)| {
            (function_word(t) && !t.initial && !pronoun(i)) || (calendar(t) && after_name(i))
        })
        .map(|(_, t)| t.lower)
        .collect();
    for (i, t) in infos.iter_mut().enumerate() {
        t.name_capital = t.any_upper && (!weak(i, t) || named.contains(&t.lower));
    }
}

/// Marks the tokens of lines without lowercase letters.
fn mark_caps_lines(infos: &mut [TokenInfo]) {
    let n = infos.len();
    let mut line_start = 0;
    for i in 0..=n {
        let line_ends = i == n || (i > line_start && infos[i].break_before);
        if line_ends {
            let line = &mut infos[line_start..i];
            let any_lower = line.iter().any(|t| t.any_lower);
            if !any_lower && line.iter().any(|t| t.any_letter) {
                for info in line {
                    info.caps_line = true;
                }
            }
            line_start = i;
        }
    }
}

/// The phrase lists, within sentences, longest match first and left to right (matches of one
/// list never overlap). One lookup per token (its [`Marks`]) said which lists a word is in or
/// starts a longer entry of; phrases are only read on when one does.
fn mark_phrases(doc: &Document, lexicon: &Lexicon, marks: &[Marks], infos: &mut [TokenInfo]) {
    let lists = lexicon.lists();
    let any_phrase_list = PHRASE_LISTS.iter().fold(0, |m, &(l, _, _)| m | 1 << l);
    let cut = |j: usize| {
        doc.tokens[j].kind == TokenKind::Punct && !matches!(doc.token_text(j), "&" | "-")
    };
    let mut key = String::new();
    for sentence in &doc.sentences {
        let end = sentence.tokens.end;
        // Per list, the first token not inside one of its matches: the lists match apart.
        let mut free = [sentence.tokens.start; PHRASE_LISTS.len()];
        for i in sentence.tokens.clone() {
            let m = marks[i];
            if (m.entry | m.starts) & any_phrase_list == 0 || cut(i) {
                continue;
            }
            for (k, &(l, b, inside)) in PHRASE_LISTS.iter().enumerate() {
                if i < free[k] {
                    continue;
                }
                let set = lists[l as usize];
                let matched = if m.starts & (1 << l) == 0 {
                    usize::from(m.entry & (1 << l) != 0)
                } else {
                    let stop = end.min(i + set.longest().max(1));
                    let first = (infos[i].lower, m.entry & (1 << l) != 0);
                    phrase_at(doc, set, (i, stop), first, &cut, &mut key)
                };
                if matched > 0 {
                    infos[i].gaz |= b;
                    for info in &mut infos[i + 1..i + matched] {
                        info.gaz |= inside;
                    }
                    free[k] = i + matched;
                }
            }
        }
    }
}

/// Tokens in the longest entry of `set` starting at token `i` (before `stop`); 0 for none. The
/// first word's marks already say whether it is an entry alone (`alone`) and starts a longer
/// one (it does, or this is not asked); the phrase is hashed as it grows, word by word, and
/// written out to be looked up only when its hash is listed.
fn phrase_at(
    doc: &Document,
    set: &WordSet,
    (i, stop): (usize, usize),
    first: (u64, bool),
    cut: &dyn Fn(usize) -> bool,
    key: &mut String,
) -> usize {
    let (mut hash, alone) = first;
    let mut matched = usize::from(alone);
    for j in i + 1..stop {
        if cut(j) {
            break;
        }
        hash = fnv_lower(fnv1(hash, b' '), doc.token_text(j));
        let (entry, longer) = (set.may_contain(hash), set.may_start_longer(hash));
        if !entry && !longer {
            break;
        }
        key.clear();
        for t in i..=j {
            if t > i {
                key.push(' ');
            }
            push_lower(key, doc.token_text(t));
        }
        if entry && set.contains(key) {
            matched = j + 1 - i;
        }
        if !(longer && set.starts_longer(key)) {
            break;
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-vector class of each token of `text` (1 + the class; 0 for none).
    fn vector_classes(text: &str) -> Vec<(String, u8)> {
        let (lexicon, doc) = (Lexicon::new(), Document::new(text));
        let (infos, _) = infos(&doc, &lexicon, true);
        (0..doc.tokens.len())
            .map(|i| (doc.token_text(i).to_string(), infos[i].vector))
            .collect()
    }

    #[test]
    fn an_all_caps_word_takes_the_class_of_its_capitalized_form() {
        let classes = vector_classes("TULSA, Okla. - Tulsa voted.");
        let class = |word: &str| classes.iter().find(|(w, _)| w == word).unwrap().1;
        assert_ne!(class("Tulsa"), 0);
        assert_eq!(class("TULSA"), class("Tulsa"));
    }

    #[test]
    fn lowercase_words_are_not_looked_up() {
        // The table lists capitalized words only, as fingerprints: "offered" and "estimated"
        // share theirs with listed words, and would find a class by chance if looked up.
        let classes = vector_classes("Tulsa offered more than estimated.");
        for (word, class) in &classes {
            assert_eq!(*class == 0, word != "Tulsa", "{word}");
        }
    }

    /// The tokens of `text` the tagger reads (its sentences as one: the texts here are one
    /// sentence a line).
    fn read(text: &str) -> Vec<String> {
        let (lexicon, doc) = (Lexicon::new(), Document::new(text));
        let (infos, _) = infos(&doc, &lexicon, true);
        (doc.sentences.iter())
            .flat_map(|s| s.tokens.clone().map(move |i| (i, s.tokens.clone())))
            .filter(|(i, sentence)| near_capital(&infos, *i, sentence.clone()))
            .map(|(i, _)| doc.token_text(i).to_string())
            .collect()
    }

    #[test]
    fn capitals_that_are_no_names_capital_make_no_token_read() {
        assert!(read("He said I think so.").is_empty());
        assert!(read("The vote was on Friday, and I'm sure it was fair.").is_empty());
        assert_eq!(
            read("But the mayor of Leeds said no."),
            ["of", "Leeds", "said"]
        );
    }

    #[test]
    fn their_words_are_read_as_names_where_they_may_be() {
        // Next to a name's capital: "I" of a name, "Friday" of a holiday.
        assert_eq!(
            read("Veterans of World War I came."),
            ["Veterans", "of", "World", "War", "I"]
        );
        assert_eq!(
            read("It was Good Friday again."),
            ["was", "Good", "Friday", "again"]
        );
        // A month written after a given name elsewhere, a function word capitalized inside a
        // sentence elsewhere: names in this document, read wherever they stand.
        let may = read("Theresa May spoke.\nMay said so.");
        assert_eq!(may, ["Theresa", "May", "spoke", "May", "said"]);
        let will = read("We saw Will.\nWill said so.");
        assert_eq!(will, ["saw", "Will", ".", "Will", "said"]);
    }
}
