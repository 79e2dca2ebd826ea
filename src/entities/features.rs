//! The tagger's features: for each token, a list of hashed feature ids (indices into the model's
//! weight table). Shared by training and tagging, so both see exactly the same features.
//!
//! Features: the word (as written and lowercased), its shape, prefixes and suffixes, the words and
//! shapes of a ±2 window, capitalization and sentence position, ALL-CAPS lines (headlines,
//! datelines, tables), word-list (gazetteer) hits, and document-level clues: whether the same word
//! is written in lowercase elsewhere, or capitalized in the middle of a sentence elsewhere.

use std::ops::Range;

use super::lexicon::{fnv, fnv1, list, Lexicon, Marks};
use crate::text::{Document, FastMap, TokenKind};

/// A feature id in the making: a template number mixed with token hashes and small codes
/// (multiply-rotate, far cheaper than hashing the strings again for every feature).
#[derive(Clone, Copy)]
struct Id(u64);

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
/// Which features share a row of the hashed table depends on this seed, and the dev scores
/// with it (over seeds 1, 1001, 2001, 3001: conll_dev 0.906-0.908, gum_news_dev 0.644-0.658).
/// This one scored best of those on gum_news_dev (0.658; conll_dev 0.907).
const SEED: u64 = 3001;

impl Id {
    fn new(template: u8) -> Id {
        Id((u64::from(template) + SEED).wrapping_mul(MIX))
    }

    fn and(self, x: u64) -> Id {
        Id((self.0.rotate_left(23) ^ x).wrapping_mul(MIX))
    }

    fn finish(self, bits: u32) -> u32 {
        // The top bits of a product depend on every bit of its factors.
        (self.0 >> (64 - bits)) as u32
    }
}

/// What the features need to know about one token.
#[derive(Default)]
struct TokenInfo {
    /// Hashes of the lowercased word and of its shape.
    lower: u64,
    shape: u64,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Has letters, none lowercase, at least two of them.
    all_caps: bool,
    /// First word of its sentence (after opening quotes and brackets).
    initial: bool,
    /// In a line with no lowercase letter (headline, dateline, table row).
    caps_line: bool,
    /// A line break between the previous token and this one.
    break_before: bool,
    /// Has a lowercase letter; an uppercase one; a letter.
    any_lower: bool,
    any_upper: bool,
    any_letter: bool,
    /// Its lowercase starts with a letter.
    lower_starts_alpha: bool,
    /// Gazetteer marks: bit per list, for a whole-phrase match starting here (B) or inside (I).
    gaz: u32,
    /// The Brown cluster of the word as written (of "Nashville" for "NASHVILLE"); 0 for none.
    cluster: u32,
    /// How often the word is capitalized rather than lowercase, 0 to 4; [`NO_BAND`] unknown.
    band: u8,
}

/// The capitalization band of a word the table does not have.
const NO_BAND: u8 = 5;

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
    pub const COMPANY_B: u32 = 1 << 17;
    pub const COMPANY_I: u32 = 1 << 18;
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
const PHRASE_LISTS: [(u32, u32, u32); 6] = [
    (list::PLACES, gaz::PLACE_B, gaz::PLACE_I),
    (list::ORGANIZATIONS, gaz::ORG_B, gaz::ORG_I),
    (list::NATIONALITIES, gaz::NAT_B, gaz::NAT_I),
    (list::GEO_CITIES, gaz::CITY_B, gaz::CITY_I),
    (list::GEO_REGIONS, gaz::REGION_B, gaz::REGION_I),
    (list::COMPANIES, gaz::COMPANY_B, gaz::COMPANY_I),
];

/// The character class of a shape.
fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Longest shape kept, in bytes.
const SHAPE_LEN: usize = 12;

/// The classes of a shape from a word's character classes: runs longer than two squeezed
/// ("Xxxxx" → "Xxx"), at most [`SHAPE_LEN`] bytes kept. `emit` takes each class kept and says
/// how many bytes it wrote; `start` is the class before the first (none a word has, but NUL).
fn squeeze<T: PartialEq + Copy>(
    classes: impl Iterator<Item = T>,
    start: T,
    mut emit: impl FnMut(T) -> usize,
) {
    let (mut last, mut run, mut len) = (start, 0, 0);
    for class in classes {
        if class == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = class;
        }
        len += emit(class);
        if len >= SHAPE_LEN {
            break;
        }
    }
}

/// The shape of a word, written into `out` (cleared first) to spare an allocation.
fn shape_into(word: &str, out: &mut String) {
    out.clear();
    squeeze(word.chars().map(class), '\0', |c| {
        out.push(c);
        c.len_utf8()
    });
}

/// `fnv` of the word's shape; for an ASCII word (most are) without writing the shape out.
fn shape_hash(word: &str, buf: &mut String) -> u64 {
    if !word.is_ascii() {
        shape_into(word, buf);
        return fnv(buf.bytes());
    }
    let ascii_class = |b: u8| match b {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        _ => b,
    };
    let mut h = fnv(None);
    squeeze(word.bytes().map(ascii_class), 0, |class| {
        h = fnv1(h, class);
        1
    });
    h
}

/// Appends the lowercase of `word` to `out`, char by char, as [`fnv_lower`] hashes it (the word
/// lists are lowercased by `str::to_lowercase`, which differs only in a word-final Greek sigma).
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Token `i`'s case, letters, lowercase hash and word-list marks: what every token needs (for
/// the caps lines, the document clues and the phrase lists). An ASCII word (most are) takes one
/// pass over its bytes and no lowercase copy; `buf` holds the lowercase of any other.
fn scan(doc: &Document, lexicon: &Lexicon, i: usize, buf: &mut String) -> (TokenInfo, Marks) {
    let text = doc.token_text(i);
    let (mut letters, mut any_lower, mut any_upper) = (0, false, false);
    let (lower, marks, first_upper, lower_starts_alpha);
    if text.is_ascii() {
        let mut h = fnv(None);
        for b in text.bytes() {
            letters += usize::from(b.is_ascii_alphabetic());
            any_lower |= b.is_ascii_lowercase();
            any_upper |= b.is_ascii_uppercase();
            h = fnv1(h, b.to_ascii_lowercase());
        }
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
fn infos(doc: &Document, lexicon: &Lexicon, every: bool) -> (Vec<TokenInfo>, Vec<bool>) {
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
            info.cluster = cluster(lexicon, word, info.all_caps);
            info.band = lexicon.words.case_band(info.lower).unwrap_or(NO_BAND);
        }
    }
    (infos, needed)
}

/// The Brown cluster of `word` as written; of its capitalized form ("Nashville") when it is all
/// caps ("NASHVILLE") and as written has none. 0 for none.
fn cluster(lexicon: &Lexicon, word: &str, all_caps: bool) -> u32 {
    let words = &lexicon.words;
    let found = words.cluster(fnv(word.bytes()));
    match found {
        Some(c) => c,
        None if all_caps => {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_string()).unwrap_or_default();
            let mut title = first;
            push_lower(&mut title, chars.as_str());
            words.cluster(fnv(title.bytes())).unwrap_or(0)
        }
        None => 0,
    }
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

/// Whether token `i` or a neighbour in `sentence` has an uppercase letter.
fn near_capital(infos: &[TokenInfo], i: usize, sentence: Range<usize>) -> bool {
    let upper = |j: usize| infos[j].any_upper;
    upper(i) || (i > sentence.start && upper(i - 1)) || (i + 1 < sentence.end && upper(i + 1))
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
    set: &super::lexicon::WordSet,
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

/// `h` carried on over the bytes of the lowercase of `word` (as [`push_lower`] writes it).
fn fnv_lower(h: u64, word: &str) -> u64 {
    if word.is_ascii() {
        return word.bytes().map(|b| b.to_ascii_lowercase()).fold(h, fnv1);
    }
    let mut h = h;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0; 4];
        h = c.encode_utf8(&mut buf).bytes().fold(h, fnv1);
    }
    h
}

/// Hashed feature ids for every token of `doc`, `bits` wide; `out[i]` lists token `i`'s.
pub fn extract(doc: &Document, lexicon: &Lexicon, bits: u32) -> Vec<Vec<u32>> {
    let features = Features::build(doc, lexicon, bits, true);
    let mut out = Vec::with_capacity(doc.tokens.len());
    for i in 0..doc.tokens.len() {
        let mut f = Vec::new();
        features.token(i, &mut f);
        out.push(f);
    }
    out
}

/// The sentence-edge markers past the text's ends, as word or shape hashes.
const BEFORE_TEXT: u64 = 0x5f3e_11d1_a4c2_07b9;
const AFTER_TEXT: u64 = 0xc8a1_4e27_93d0_6f5b;

/// What the features of any token need, computed once per document; the features themselves
/// are made one token at a time, so tagging a long text never holds them all (tens of bytes a
/// token instead of hundreds).
pub struct Features<'d, 'a> {
    doc: &'d Document<'a>,
    bits: u32,
    infos: Vec<TokenInfo>,
    /// The tokens whose features may be asked for (with their neighbours: their shapes are set).
    needed: Vec<bool>,
    /// Document-level clues, by lowercase word hash: whether the word is written elsewhere in
    /// lowercase, and capitalized in the middle of a sentence in mixed-case text. A word
    /// missing here is neither.
    elsewhere: FastMap<u64, (bool, bool)>,
}

impl<'d, 'a> Features<'d, 'a> {
    /// For tagging: only the tokens [`Features::near_capital`] (and their windows) are prepared.
    pub fn new(doc: &'d Document<'a>, lexicon: &Lexicon, bits: u32) -> Features<'d, 'a> {
        Features::build(doc, lexicon, bits, false)
    }

    /// `every`: prepare every token, for training (which reads every token's features).
    fn build(doc: &'d Document<'a>, lexicon: &Lexicon, bits: u32, every: bool) -> Self {
        let (infos, needed) = infos(doc, lexicon, every);
        // Keyed by the word's hash: no string hashing or comparing. Only the words the features
        // ask about (of capitalized or all-caps tokens) are kept: a small map the other tokens
        // only look up.
        let mut elsewhere: FastMap<u64, (bool, bool)> = (infos.iter().zip(&needed))
            .filter(|&(info, &needed)| needed && (info.cap || info.all_caps))
            .map(|(info, _)| (info.lower, (false, false)))
            .collect();
        for info in &infos {
            let lower_here = !info.cap && !info.all_caps && info.lower_starts_alpha;
            let cap_inside = info.cap && !info.initial && !info.caps_line;
            if lower_here || cap_inside {
                if let Some(entry) = elsewhere.get_mut(&info.lower) {
                    entry.0 |= lower_here;
                    entry.1 |= cap_inside;
                }
            }
        }
        Features {
            doc,
            bits,
            infos,
            needed,
            elsewhere,
        }
    }

    /// Whether token `i` or a neighbour in `sentence` has an uppercase letter. Names have one
    /// (lowercase words inside them, "Bank of the West", sit next to one); a token far from any
    /// is outside every name, so the tagger skips its features: most of a news text.
    pub fn near_capital(&self, i: usize, sentence: Range<usize>) -> bool {
        near_capital(&self.infos, i, sentence)
    }

    /// Token `i`'s feature ids into `f` (cleared first). A rare collision may list an id twice:
    /// training and tagging both count it twice.
    pub fn token(&self, i: usize, f: &mut Vec<u32>) {
        let (bits, infos) = (self.bits, &self.infos);
        let info = &infos[i];
        debug_assert!(self.needed[i], "token {i} was not prepared");
        f.clear();
        let mut add = |id: Id| f.push(id.finish(bits));
        let word = self.doc.token_text(i);
        add(Id::new(0));
        add(Id::new(1).and(info.lower));
        add(Id::new(2).and(fnv(word.bytes())));
        add(Id::new(3).and(info.shape));
        if word.is_ascii() {
            affixes(
                word.bytes().map(|b| char::from(b.to_ascii_lowercase())),
                &mut add,
            );
        } else {
            let mut lower = String::new();
            push_lower(&mut lower, word);
            affixes(lower.chars(), &mut add);
        }
        self.window(i, &mut add);
        let position = u64::from(info.initial) | u64::from(info.caps_line) << 1;
        add(Id::new(31).and(position).and(info.shape));
        if info.caps_line {
            add(Id::new(32).and(info.lower));
        } else if info.initial {
            add(Id::new(33).and(info.lower));
        }
        if info.cap || info.all_caps {
            let (lower_elsewhere, cap_elsewhere) =
                self.elsewhere.get(&info.lower).copied().unwrap_or_default();
            let clue = u64::from(lower_elsewhere) | u64::from(cap_elsewhere) << 1;
            add(Id::new(34).and(clue).and(position));
        }
        self.lists(i, &mut add);
        self.distributional(i, &mut add);
        // Line break before / after: names often stand alone on a line (bylines, datelines).
        if info.break_before {
            add(Id::new(46).and(info.shape));
        }
        if infos.get(i + 1).is_some_and(|next| next.break_before) {
            add(Id::new(47).and(info.shape));
        }
    }

    /// The words and shapes of the ±2 window, alone and in pairs.
    fn window(&self, i: usize, add: &mut impl FnMut(Id)) {
        let at = |offset: isize| {
            let j = i as isize + offset;
            match usize::try_from(j).ok().and_then(|j| self.infos.get(j)) {
                Some(info) => (info.lower, info.shape),
                None if j < 0 => (BEFORE_TEXT, BEFORE_TEXT),
                None => (AFTER_TEXT, AFTER_TEXT),
            }
        };
        let [(w2, _), (w1, s1), (w, s), (n1, t1), (n2, _)] = [-2, -1, 0, 1, 2].map(at);
        add(Id::new(20).and(w1));
        add(Id::new(21).and(n1));
        add(Id::new(22).and(w2));
        add(Id::new(23).and(n2));
        add(Id::new(24).and(w1).and(w));
        add(Id::new(25).and(w).and(n1));
        add(Id::new(26).and(s1).and(s));
        add(Id::new(27).and(s).and(t1));
        add(Id::new(28).and(s1).and(s).and(t1));
        add(Id::new(29).and(w2).and(w1));
        add(Id::new(30).and(n1).and(n2));
    }

    /// The word's Brown cluster (prefixes of its path, as Ratinov & Roth use them), its
    /// neighbours' clusters, and how often the word is capitalized in unlabeled text, with
    /// whether it is here and where.
    fn distributional(&self, i: usize, add: &mut impl FnMut(Id)) {
        let info = &self.infos[i];
        if info.cluster == 0 {
            add(Id::new(50).and(u64::from(info.cap || info.all_caps)));
        } else {
            for (k, bits) in [4u32, 8, 12, 16, 24].into_iter().enumerate() {
                let prefix = info.cluster & ((1u32 << bits) - 1);
                add(Id::new(51 + k as u8).and(u64::from(prefix)));
            }
        }
        for (offset, template) in [(-1isize, 56u8), (1, 57)] {
            let j = i as isize + offset;
            if let Some(near) = usize::try_from(j).ok().and_then(|j| self.infos.get(j)) {
                add(Id::new(template).and(u64::from(near.cluster & 0xfff)));
            }
        }
        let written = u64::from(info.cap) | u64::from(info.all_caps) << 1;
        let position = u64::from(info.initial) | u64::from(info.caps_line) << 1;
        add(Id::new(58)
            .and(u64::from(info.band))
            .and(written)
            .and(position));
    }

    /// Word-list marks of the token (alone and with its capitalization) and of its neighbours.
    fn lists(&self, i: usize, add: &mut impl FnMut(Id)) {
        let info = &self.infos[i];
        let capital = u64::from(info.cap || info.all_caps);
        for bit in set_bits(info.gaz) {
            add(Id::new(40).and(bit));
            add(Id::new(41).and(bit).and(capital));
        }
        for (offset, template) in [(-1isize, 42u8), (1, 43), (-2, 44), (2, 45)] {
            let j = i as isize + offset;
            if let Some(near) = usize::try_from(j).ok().and_then(|j| self.infos.get(j)) {
                for bit in set_bits(near.gaz) {
                    add(Id::new(template).and(bit));
                }
            }
        }
    }
}

/// The numbers of the bits set in `bits`.
fn set_bits(mut bits: u32) -> impl Iterator<Item = u64> {
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let bit = bits.trailing_zeros();
            bits &= bits - 1;
            u64::from(bit)
        })
    })
}

/// Suffixes of 1-4 and prefixes of 1-3 characters of the lowercase word `w`, each hashed as it
/// grows (a suffix from its last byte backwards).
fn affixes<W>(w: W, add: &mut impl FnMut(Id))
where
    W: DoubleEndedIterator<Item = char> + Clone,
{
    let mut h = fnv(None);
    for (k, c) in w.clone().rev().take(4).enumerate() {
        let mut buf = [0; 4];
        h = c.encode_utf8(&mut buf).bytes().rev().fold(h, fnv1);
        add(Id::new(5 + k as u8).and(h));
    }
    let mut h = fnv(None);
    for (k, c) in w.take(3).enumerate() {
        let mut buf = [0; 4];
        h = c.encode_utf8(&mut buf).bytes().fold(h, fnv1);
        add(Id::new(11 + k as u8).and(h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_squeeze_runs() {
        let shape = |w: &str| {
            let mut out = String::new();
            shape_into(w, &mut out);
            out
        };
        assert_eq!(shape("Putin"), "Xxx");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dd-dd-dd");
        assert_eq!(shape("McCaul"), "XxXxx");
        let mut buf = String::new();
        for word in [
            "Putin",
            "NATO",
            "U.S.",
            "1996-08-22",
            "McCaul",
            "aaaaaaaaaaaaaaaa-b-c-d-e-f-g",
        ] {
            assert_eq!(
                shape_hash(word, &mut buf),
                fnv(shape(word).bytes()),
                "{word}"
            );
        }
    }

    #[test]
    fn phrase_hashes_grow_as_the_written_phrase() {
        for (first, second) in [("New", "YORK"), ("Ünïcode", "ÖKONOM"), ("the", "Σ")] {
            let mut key = String::new();
            push_lower(&mut key, first);
            let hash = fnv_lower(fnv1(fnv(key.bytes()), b' '), second);
            key.push(' ');
            push_lower(&mut key, second);
            assert_eq!(hash, fnv(key.bytes()), "{first} {second}");
        }
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
