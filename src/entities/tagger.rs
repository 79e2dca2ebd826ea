//! The sequence tagger: an averaged structured perceptron over BILOU tags (outside; begin /
//! inside / last / unit-length of a person, organization, place or misc name), decoded per
//! sentence with Viterbi.
//!
//! Weights live in a hashed table (`1 << bits` rows of [`TAGS`] weights), quantized to `i8`
//! with one scale, small weights pruned. The model file: magic `NMNER4\0\0`, `bits` (u32 LE),
//! `scale` (f32 LE), the transition weights (`(TAGS + 1) × TAGS` f32 LE; the extra row is the
//! sentence start), a bitmap of the rows that are not all zero (`1 << bits` bits, least
//! significant first), then for each of those rows, in order, a mask of its non-zero weights
//! (3 bytes LE, bit per tag), then all those weights, row by row. Only non-zero weights are
//! stored: most rows are empty and most rows in use have few, and the masks and weights kept
//! apart compress better in the `.wasm` than whole rows (gzip: 16% smaller).

use std::ops::Range;

use super::features;
use super::lexicon::Lexicon;
use crate::text::Document;
use crate::Kind;

/// O, then B, I, L and U for person, organization, place, misc.
pub const TAGS: usize = 17;
const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];
const MAGIC: &[u8; 8] = b"NMNER4\0\0";
/// Bytes of a row's mask of non-zero weights.
const MASK_BYTES: usize = 3;
const _: () = assert!(TAGS <= 8 * MASK_BYTES);

const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn tag_of(kind: usize, part: usize) -> usize {
    1 + 4 * kind + part
}

/// The kind index of a non-O tag.
fn kind_of(tag: usize) -> usize {
    (tag - 1) / 4
}

/// B, I, L or U of a non-O tag.
fn part_of(tag: usize) -> usize {
    (tag - 1) % 4
}

/// Whether a name is open after `tag` (it is a B or an I).
fn opens(tag: usize) -> bool {
    tag != 0 && matches!(part_of(tag), B | I)
}

/// Whether `tag` may follow `prev` (`None`: the sentence start).
fn allowed(prev: Option<usize>, tag: usize) -> bool {
    match prev {
        Some(p) if opens(p) => {
            tag != 0 && matches!(part_of(tag), I | L) && kind_of(tag) == kind_of(p)
        }
        _ => tag == 0 || matches!(part_of(tag), B | U),
    }
}

pub fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(3)
}

/// A name found by the tagger: its tokens and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub tokens: Range<usize>,
    pub kind: Kind,
}

#[cfg(test)]
impl Found {
    /// The text of the name in `doc` (for the post-passes' tests).
    pub fn text(&self, doc: &Document) -> String {
        doc.text[doc.tokens[self.tokens.start].start..doc.tokens[self.tokens.end - 1].end]
            .to_string()
    }
}

/// A loaded model.
pub struct Model {
    bits: u32,
    scale: f32,
    decoder: Decoder,
    /// Bit per row of the hashed table: whether it has a non-zero weight (most rows do not).
    used: Vec<u8>,
    /// Per byte of `used`, the rows in use before it: with [`ONES`], a row's place in `rows`.
    rank: Vec<u32>,
    /// The rows in use, in order. Only these are kept (a fraction of the table, so lookups
    /// stay in cache) and each is one aligned block whose sum vectorizes.
    rows: Vec<Row>,
}

/// One row of weights, four to a `u64`: tag `t` in bits `16 (t % 4)..` of word `t / 4`, as
/// `weight + BIAS`. Lanes never carry into each other (a token's under 130 features sum to at
/// most 130 × 255 per lane), so a row is summed with five integer additions, on any target.
#[derive(Clone, Copy)]
struct Row([u64; WORDS]);

const WORDS: usize = TAGS.div_ceil(4);

/// The number of bits set in each byte: `count_ones` is a long software routine on the
/// baseline x86-64 target.
const ONES: [u8; 256] = {
    let mut ones = [0; 256];
    let mut b = 0;
    while b < 256 {
        ones[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    ones
};
const BIAS: u64 = 128;

impl Model {
    /// Reads a model file; `None` when it is malformed.
    pub fn load(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let bits = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        if !(4..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
        let n_trans = (TAGS + 1) * TAGS;
        let trans_bytes = rest.get(8..8 + 4 * n_trans)?;
        let transitions: Vec<f32> = trans_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let n_rows = 1usize << bits;
        let bitmap = rest.get(8 + 4 * n_trans..8 + 4 * n_trans + n_rows / 8)?;
        let used = bitmap.to_vec();
        let mut rank = Vec::with_capacity(used.len());
        let mut in_use = 0u32;
        for &byte in &used {
            rank.push(in_use);
            in_use += byte.count_ones();
        }
        let (masks, weights) = rest
            .get(8 + 4 * n_trans + n_rows / 8..)?
            .split_at_checked(in_use as usize * MASK_BYTES)?;
        let rows = rows(masks, weights)?;
        Some(Model {
            bits,
            scale,
            decoder: Decoder::new(&transitions),
            used,
            rank,
            rows,
        })
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The weights of feature `id`, if any is not zero.
    fn row(&self, id: u32) -> Option<&Row> {
        let (byte, bit) = (id as usize / 8, id % 8);
        let used = self.used[byte];
        if used & (1 << bit) == 0 {
            return None;
        }
        let below = ONES[usize::from(used & ((1 << bit) - 1))];
        Some(&self.rows[self.rank[byte] as usize + usize::from(below)])
    }

    /// The tag scores of a token with features `f`.
    fn emission(&self, f: &[u32]) -> [f32; TAGS] {
        let (mut sums, mut hits) = ([0u64; WORDS], 0);
        for &id in f {
            if let Some(row) = self.row(id) {
                for (sum, &lanes) in sums.iter_mut().zip(&row.0) {
                    *sum += lanes;
                }
                hits += 1;
            }
        }
        debug_assert!(hits < 256);
        std::array::from_fn(|tag| {
            let lane = (sums[tag / 4] >> (16 * (tag % 4))) & 0xffff;
            (lane as f32 - (BIAS * hits) as f32) * self.scale
        })
    }

    /// The names in `doc`, in text order.
    pub fn tag(&self, doc: &Document, lexicon: &Lexicon) -> Vec<Found> {
        let features = features::Features::new(doc, lexicon, self.bits);
        let mut f = Vec::with_capacity(160);
        let mut emissions = Vec::new();
        let mut found = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            emissions.clear();
            emissions.extend(range.clone().map(|i| {
                if !features.near_capital(i, range.clone()) {
                    return OUTSIDE_ONLY;
                }
                features.token(i, &mut f);
                self.emission(&f)
            }));
            let tags = viterbi(&emissions, &self.decoder);
            found.extend(spans(&tags, range.start));
        }
        found
    }
}

/// The emissions of a token that cannot be in a name: only O possible, at no cost (a constant
/// added to every path leaves the best path the same).
const OUTSIDE_ONLY: [f32; TAGS] = {
    let mut e = [f32::NEG_INFINITY; TAGS];
    e[0] = 0.0;
    e
};

/// The scores after a token that can only be O: O's best predecessor (the first of the highest,
/// as in [`viterbi`]), every other tag impossible.
fn only_outside(
    closed: &[f32; 9],
    decoder: &Decoder,
    emission: f32,
    back: &mut [u8; TAGS],
) -> [f32; TAGS] {
    let (mut best, mut from) = (f32::NEG_INFINITY, 0);
    for k in 0..9 {
        let s = closed[k] + decoder.from_closed[0][k];
        if s > best {
            (best, from) = (s, CLOSED[k]);
        }
    }
    back[0] = from as u8;
    let mut next = [f32::NEG_INFINITY; TAGS];
    next[0] = best + emission;
    next
}

/// The scores after a token that could only be O (`outside`: its score). Every path comes
/// from O there, so each tag's best predecessor is O, as the full loops find (the other tags
/// score -inf), and its back pointer stays 0; a tag only a B or I may precede is impossible, and
/// so is every tag but O at a token that can only be O.
fn after_outside(outside: f32, decoder: &Decoder, emission: &[f32; TAGS]) -> [f32; TAGS] {
    let mut next = [f32::NEG_INFINITY; TAGS];
    let scored = if emission[1] == f32::NEG_INFINITY {
        1
    } else {
        TAGS
    };
    for tag in 0..scored {
        if decoder.starts[tag] {
            next[tag] = outside + decoder.from_closed[tag][0] + emission[tag];
        }
    }
    next
}

/// The rows in use, from the model file's masks and weights; `None` unless they match.
fn rows(masks: &[u8], mut weights: &[u8]) -> Option<Vec<Row>> {
    let mut rows = Vec::with_capacity(masks.len() / MASK_BYTES);
    for mask in masks.chunks_exact(MASK_BYTES) {
        let mask = u32::from_le_bytes([mask[0], mask[1], mask[2], 0]);
        let mut row = Row([0; WORDS]);
        for tag in 0..TAGS {
            let mut w = 0;
            if mask & (1 << tag) != 0 {
                let (&byte, rest) = weights.split_first()?;
                w = i64::from(byte as i8);
                weights = rest;
            }
            row.0[tag / 4] |= ((w + BIAS as i64) as u64) << (16 * (tag % 4));
        }
        rows.push(row);
    }
    weights.is_empty().then_some(rows)
}

/// The tags no name is open after (O, L and U), in increasing order: the tags that may precede
/// O, B and U. An I or L tag may follow only the B or I of its kind.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The transitions as Viterbi uses them: the start scores, and for each tag the weights from
/// the tags that may precede it (in increasing order, so ties go to the same one as over all
/// tags): the [`CLOSED`] tags for O, B and U; the B and I of its kind for I and L. Built once
/// per model; fixed-size, so the loops unroll.
struct Decoder {
    start: [f32; TAGS],
    from_closed: [[f32; 9]; TAGS],
    /// From the B and the I of the tag's kind (`open_b`: that B).
    from_open: [[f32; 2]; TAGS],
    open_b: [usize; TAGS],
    /// Whether the tag may start a sentence and follow the [`CLOSED`] ones (O, B, U).
    starts: [bool; TAGS],
}

impl Decoder {
    /// From transitions `(TAGS + 1) × TAGS`, the last row for the sentence start.
    fn new(transitions: &[f32]) -> Decoder {
        let weight = |prev: usize, tag: usize| transitions[prev * TAGS + tag];
        let mut decoder = Decoder {
            start: [f32::NEG_INFINITY; TAGS],
            from_closed: [[0.0; 9]; TAGS],
            from_open: [[0.0; 2]; TAGS],
            open_b: [0; TAGS],
            starts: [false; TAGS],
        };
        for tag in 0..TAGS {
            if allowed(None, tag) {
                decoder.starts[tag] = true;
                decoder.start[tag] = transitions[TAGS * TAGS + tag];
                decoder.from_closed[tag] = CLOSED.map(|prev| weight(prev, tag));
            } else {
                let b = tag_of(kind_of(tag), B);
                decoder.from_open[tag] = [weight(b, tag), weight(b + 1, tag)];
                decoder.open_b[tag] = b;
            }
        }
        decoder
    }
}

/// The best tag sequence under emission scores and transitions; disallowed transitions are
/// never taken. Plain index loops: the size-optimized release build keeps iterator adaptors as
/// calls.
fn viterbi(emissions: &[[f32; TAGS]], decoder: &Decoder) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = [0f32; TAGS];
    for tag in 0..TAGS {
        score[tag] = decoder.start[tag] + emissions[0][tag];
    }
    let mut back = vec![[0u8; TAGS]; n];
    // Only O is possible at a token the tagger skipped (a real emission is finite).
    let outside_only = |i: usize| emissions[i][1] == f32::NEG_INFINITY;
    for i in 1..n {
        if outside_only(i - 1) {
            score = after_outside(score[0], decoder, &emissions[i]);
            continue;
        }
        let mut closed = [0f32; 9];
        for k in 0..9 {
            closed[k] = score[CLOSED[k]];
        }
        if outside_only(i) {
            // One tag to score, not 17.
            score = only_outside(&closed, decoder, emissions[i][0], &mut back[i]);
            continue;
        }
        let mut next = [0f32; TAGS];
        for tag in 0..TAGS {
            // The first of the highest, as over all tags in order.
            let (mut best, mut from) = (f32::NEG_INFINITY, 0);
            if decoder.starts[tag] {
                let w = &decoder.from_closed[tag];
                for k in 0..9 {
                    let s = closed[k] + w[k];
                    if s > best {
                        (best, from) = (s, CLOSED[k]);
                    }
                }
            } else {
                let (b, w) = (decoder.open_b[tag], &decoder.from_open[tag]);
                for k in 0..2 {
                    let s = score[b + k] + w[k];
                    if s > best {
                        (best, from) = (s, b + k);
                    }
                }
            }
            next[tag] = best + emissions[i][tag];
            back[i][tag] = from as u8;
        }
        score = next;
    }
    let mut tag = (0..TAGS)
        .filter(|&t| !opens(t))
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for i in (0..n).rev() {
        tags[i] = tag;
        tag = back[i][tag] as usize;
    }
    tags
}

/// The names a tag sequence marks, with token indices offset by `base`.
fn spans(tags: &[usize], base: usize) -> Vec<Found> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, &tag) in tags.iter().enumerate() {
        if tag == 0 {
            continue;
        }
        match part_of(tag) {
            B => start = i,
            L | U => {
                let first = if part_of(tag) == U { i } else { start };
                found.push(Found {
                    tokens: base + first..base + i + 1,
                    kind: KINDS[kind_of(tag)],
                });
            }
            _ => {}
        }
    }
    found
}

/// A training document: its text and gold names (byte ranges with kinds).
#[derive(Clone)]
pub struct Example {
    pub text: String,
    pub names: Vec<(usize, usize, Kind)>,
}

/// What training reports besides the model.
#[derive(Debug, Default)]
pub struct TrainReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Gold names whose edges fall inside one of our tokens (projected approximately).
    pub misaligned: usize,
    pub names: usize,
    /// Non-zero weights after quantization.
    pub nonzero: usize,
}

/// The gold tags of `doc`'s tokens; names whose edges cut a token count as misaligned (a token
/// takes the name's tag when it starts inside it).
fn gold_tags(
    doc: &Document,
    names: &[(usize, usize, Kind)],
    report: &mut TrainReport,
) -> Vec<usize> {
    let mut tags = vec![0; doc.tokens.len()];
    for &(start, end, kind) in names {
        report.names += 1;
        let first = doc.token_at_or_after(start);
        let mut t = first;
        let aligned_start = doc.tokens.get(first).is_some_and(|tok| tok.start == start);
        let mut aligned_end = false;
        let k = kind_index(kind);
        while t < doc.tokens.len() && doc.tokens[t].start < end {
            let last = t + 1 == doc.tokens.len() || doc.tokens[t + 1].start >= end;
            tags[t] = tag_of(
                k,
                match (t == first, last) {
                    (true, true) => U,
                    (true, false) => B,
                    (false, true) => L,
                    (false, false) => I,
                },
            );
            aligned_end = doc.tokens[t].end == end;
            t += 1;
        }
        if !(aligned_start && aligned_end) {
            report.misaligned += 1;
        }
    }
    tags
}

/// How to train: table size, passes, pruning, and the seed of the sentence order.
#[derive(Clone, Copy, Debug)]
pub struct TrainSettings {
    /// The weight table has `1 << bits` rows.
    pub bits: u32,
    pub epochs: usize,
    /// Quantized weights of at most this many steps are dropped.
    pub prune: u8,
    /// Seeds the shuffles of the sentence order (any value; 0 is taken as 1).
    pub shuffle: u64,
}

/// Trains a model on `examples` for `epochs` passes (sentences shuffled with a seeded
/// generator) and returns the model file's bytes. Deterministic: the same examples and settings
/// give the same bytes.
pub fn train(
    examples: &[Example],
    settings: TrainSettings,
    lexicon: &Lexicon,
) -> (Vec<u8>, TrainReport) {
    let TrainSettings {
        bits,
        epochs,
        prune,
        shuffle,
    } = settings;
    let mut report = TrainReport::default();
    // Every sentence: its features and gold tags.
    let mut sentences: Vec<(Vec<Vec<u32>>, Vec<usize>)> = Vec::new();
    for example in examples {
        let doc = Document::new(&example.text);
        let feats = features::extract(&doc, lexicon, bits);
        let tags = gold_tags(&doc, &example.names, &mut report);
        for sentence in &doc.sentences {
            let r = sentence.tokens.clone();
            report.tokens += r.len();
            sentences.push((feats[r.clone()].to_vec(), tags[r].to_vec()));
        }
    }
    report.sentences = sentences.len();
    let size = (1usize << bits) * TAGS;
    let n_trans = (TAGS + 1) * TAGS;
    let mut w = vec![0f32; size];
    let mut u = vec![0f32; size];
    let mut tw = vec![0f32; n_trans];
    let mut tu = vec![0f32; n_trans];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = shuffle.max(1);
    for _ in 0..epochs {
        // Fisher-Yates with xorshift64.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            let (feats, gold) = &sentences[s];
            let emissions: Vec<[f32; TAGS]> = feats
                .iter()
                .map(|f| {
                    let mut sums = [0f32; TAGS];
                    for &id in f {
                        let row = &w[id as usize * TAGS..(id as usize + 1) * TAGS];
                        for (s, &x) in sums.iter_mut().zip(row) {
                            *s += x;
                        }
                    }
                    sums
                })
                .collect();
            let pred = viterbi(&emissions, &Decoder::new(&tw));
            if pred != *gold {
                let update = |table: &mut [f32], acc: &mut [f32], index: usize, delta: f32| {
                    table[index] += delta;
                    acc[index] += c * delta;
                };
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &id in &feats[i] {
                            let row = id as usize * TAGS;
                            update(&mut w, &mut u, row + g, 1.0);
                            update(&mut w, &mut u, row + p, -1.0);
                        }
                    }
                    let gp = if i == 0 { TAGS } else { gold[i - 1] };
                    let pp = if i == 0 { TAGS } else { pred[i - 1] };
                    if (gp, g) != (pp, p) {
                        update(&mut tw, &mut tu, gp * TAGS + g, 1.0);
                        update(&mut tw, &mut tu, pp * TAGS + p, -1.0);
                    }
                }
            }
            c += 1.0;
        }
    }
    let average =
        |w: &[f32], u: &[f32]| -> Vec<f32> { w.iter().zip(u).map(|(&w, &u)| w - u / c).collect() };
    let weights = average(&w, &u);
    let transitions = average(&tw, &tu);
    // One scale for all: the largest weight maps to 127 (clamping the largest few instead costs
    // much accuracy). Weights of at most `prune` steps are dropped: a much smaller model.
    let max = weights.iter().fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let table: Vec<i8> = weights
        .iter()
        .map(|&x| {
            let q = (x / scale).round().clamp(-127.0, 127.0);
            if q.abs() <= f32::from(prune) {
                0
            } else {
                q as i8
            }
        })
        .collect();
    report.nonzero = table.iter().filter(|&&x| x != 0).count();
    let mut bytes = Vec::with_capacity(16 + 4 * n_trans + size);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&bits.to_le_bytes());
    bytes.extend_from_slice(&scale.to_le_bytes());
    for t in transitions {
        bytes.extend_from_slice(&t.to_le_bytes());
    }
    let rows = 1usize << bits;
    let mut bitmap = vec![0u8; rows.div_ceil(8)];
    let mut masks = Vec::new();
    let mut stored = Vec::new();
    for (row, weights) in table.chunks_exact(TAGS).enumerate() {
        let mask = weights
            .iter()
            .enumerate()
            .filter(|&(_, &w)| w != 0)
            .fold(0u32, |mask, (tag, _)| mask | 1 << tag);
        if mask != 0 {
            bitmap[row / 8] |= 1 << (row % 8);
            masks.extend_from_slice(&mask.to_le_bytes()[..MASK_BYTES]);
            stored.extend(weights.iter().filter(|&&w| w != 0).map(|&w| w as u8));
        }
    }
    bytes.extend_from_slice(&bitmap);
    bytes.extend_from_slice(&masks);
    bytes.extend_from_slice(&stored);
    (bytes, report)
}

/// The shuffle seed `newsmark train-ner` uses unless told otherwise.
pub const SHUFFLE: u64 = 0x9e37_79b9_7f4a_7c15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_bilou() {
        // O B-PER L-PER O U-LOC U-LOC O B-ORG I-ORG L-ORG
        let tags = [0, 1, 3, 0, 12, 12, 0, 5, 6, 7];
        let found = spans(&tags, 10);
        let got: Vec<(Range<usize>, Kind)> =
            found.into_iter().map(|f| (f.tokens, f.kind)).collect();
        assert_eq!(
            got,
            [
                (11..13, Kind::Person),
                (14..15, Kind::Place),
                (15..16, Kind::Place),
                (17..20, Kind::Organization)
            ]
        );
    }

    #[test]
    fn closed_tags_are_those_no_name_is_open_after() {
        let closed: Vec<usize> = (0..TAGS).filter(|&t| !opens(t)).collect();
        assert_eq!(closed, CLOSED);
    }

    #[test]
    fn viterbi_never_starts_inside() {
        // Emissions favour I-PER everywhere: the decoder must open with B-PER and close with L-PER.
        let mut row = [0.0; TAGS];
        row[1] = 1.0;
        row[2] = 5.0;
        row[3] = 1.0;
        let emissions = vec![row; 3];
        let transitions = vec![0.0; (TAGS + 1) * TAGS];
        assert_eq!(viterbi(&emissions, &Decoder::new(&transitions)), [1, 2, 3]);
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let lexicon = Lexicon::new();
        let text = "Peter Smith visited Paris on Monday.";
        let examples = vec![Example {
            text: text.to_string(),
            names: vec![(0, 11, Kind::Person), (20, 25, Kind::Place)],
        }];
        let settings = TrainSettings {
            bits: 10,
            epochs: 3,
            prune: 0,
            shuffle: SHUFFLE,
        };
        let (a, _) = train(&examples, settings, &lexicon);
        let (b, _) = train(&examples, settings, &lexicon);
        assert_eq!(a, b);
        let model = Model::load(&a).expect("loads");
        let found = model.tag(&Document::new(text), &lexicon);
        assert_eq!(
            found,
            [
                Found {
                    tokens: 0..2,
                    kind: Kind::Person
                },
                Found {
                    tokens: 3..4,
                    kind: Kind::Place
                }
            ]
        );
    }

    #[test]
    fn malformed_models_are_refused() {
        assert!(Model::load(b"").is_none());
        assert!(Model::load(b"NMNER4\0\0\x10\0\0\0").is_none());
        let lexicon = Lexicon::new();
        let examples = vec![Example {
            text: "Peter Smith visited Paris.".to_string(),
            names: vec![(0, 11, Kind::Person), (20, 25, Kind::Place)],
        }];
        let settings = TrainSettings {
            bits: 10,
            epochs: 2,
            prune: 0,
            shuffle: SHUFFLE,
        };
        let (mut bytes, _) = train(&examples, settings, &lexicon);
        assert!(Model::load(&bytes).is_some());
        let mut longer = bytes.clone();
        longer.push(1);
        assert!(Model::load(&longer).is_none());
        bytes.pop();
        assert!(Model::load(&bytes).is_none());
    }
}
