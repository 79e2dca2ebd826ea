//! The sequence tagger: an averaged structured perceptron over BILOU tags (outside; begin /
//! inside / last / unit-length of a person, organization, place or misc name), decoded per
//! sentence with Viterbi.
//!
//! Weights live in a hashed table (`1 << bits` rows of [`TAGS`] weights), quantized to `i8`
//! with one scale, small weights pruned. The model file: magic `NMNER3\0\0`, `bits` (u32 LE),
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
const MAGIC: &[u8; 8] = b"NMNER3\0\0";
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

/// A loaded model.
pub struct Model {
    bits: u32,
    scale: f32,
    transitions: Vec<f32>,
    table: Vec<i8>,
}

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
        let transitions = trans_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let rows = 1usize << bits;
        let bitmap = rest.get(8 + 4 * n_trans..8 + 4 * n_trans + rows / 8)?;
        let in_use: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
        let (masks, mut weights) = rest
            .get(8 + 4 * n_trans + rows / 8..)?
            .split_at_checked(in_use * MASK_BYTES)?;
        let mut masks = masks.chunks_exact(MASK_BYTES);
        let mut table = vec![0i8; rows * TAGS];
        for row in 0..rows {
            if bitmap[row / 8] & (1 << (row % 8)) == 0 {
                continue;
            }
            let mask = masks.next()?;
            let mask = u32::from_le_bytes([mask[0], mask[1], mask[2], 0]);
            for (tag, slot) in table[row * TAGS..(row + 1) * TAGS].iter_mut().enumerate() {
                if mask & (1 << tag) != 0 {
                    let (&w, rest) = weights.split_first()?;
                    *slot = w as i8;
                    weights = rest;
                }
            }
        }
        if !weights.is_empty() {
            return None;
        }
        Some(Model {
            bits,
            scale,
            transitions,
            table,
        })
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The names in `doc`, in text order.
    pub fn tag(&self, doc: &Document, lexicon: &Lexicon) -> Vec<Found> {
        let features = features::Features::new(doc, lexicon, self.bits);
        let mut f = Vec::with_capacity(64);
        let mut found = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let emissions: Vec<[f32; TAGS]> = range
                .clone()
                .map(|i| {
                    features.token(i, &mut f);
                    let mut sums = [0i32; TAGS];
                    for &id in &f {
                        let row = &self.table[id as usize * TAGS..(id as usize + 1) * TAGS];
                        for (s, &w) in sums.iter_mut().zip(row) {
                            *s += i32::from(w);
                        }
                    }
                    sums.map(|s| s as f32 * self.scale)
                })
                .collect();
            let tags = viterbi(&emissions, &self.transitions);
            found.extend(spans(&tags, range.start));
        }
        found
    }
}

/// The best tag sequence under emission scores and transitions (`(TAGS + 1) × TAGS`, the last
/// row for the sentence start); disallowed transitions are never taken.
fn viterbi(emissions: &[[f32; TAGS]], transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = [f32::NEG_INFINITY; TAGS];
    for (tag, s) in score.iter_mut().enumerate() {
        if allowed(None, tag) {
            *s = transitions[TAGS * TAGS + tag] + emissions[0][tag];
        }
    }
    // For each tag, the tags that may precede it (in increasing order, so ties go to the same
    // one as over all tags) with the transition weight: 2 for an inside or last tag, 9 else,
    // instead of all 17.
    let mut before = [[(0, 0f32); TAGS]; TAGS];
    let mut before_count = [0; TAGS];
    for tag in 0..TAGS {
        for prev in (0..TAGS).filter(|&prev| allowed(Some(prev), tag)) {
            before[tag][before_count[tag]] = (prev, transitions[prev * TAGS + tag]);
            before_count[tag] += 1;
        }
    }
    let mut back = vec![[0u8; TAGS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAGS];
        for tag in 0..TAGS {
            let mut best = (f32::NEG_INFINITY, 0);
            for &(prev, weight) in &before[tag][..before_count[tag]] {
                let s = score[prev] + weight;
                if s > best.0 {
                    best = (s, prev);
                }
            }
            next[tag] = best.0 + emissions[i][tag];
            back[i][tag] = best.1 as u8;
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

/// Trains a model on `examples` for `epochs` passes (sentences shuffled with a fixed seed) and
/// returns the model file's bytes. Deterministic: the same examples give the same bytes.
pub fn train(
    examples: &[Example],
    bits: u32,
    epochs: usize,
    prune: u8,
    lexicon: &Lexicon,
) -> (Vec<u8>, TrainReport) {
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
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
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
            let pred = viterbi(&emissions, &tw);
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
    fn viterbi_never_starts_inside() {
        // Emissions favour I-PER everywhere: the decoder must open with B-PER and close with L-PER.
        let mut row = [0.0; TAGS];
        row[1] = 1.0;
        row[2] = 5.0;
        row[3] = 1.0;
        let emissions = vec![row; 3];
        let transitions = vec![0.0; (TAGS + 1) * TAGS];
        assert_eq!(viterbi(&emissions, &transitions), [1, 2, 3]);
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let lexicon = Lexicon::new();
        let text = "Peter Smith visited Paris on Monday.";
        let examples = vec![Example {
            text: text.to_string(),
            names: vec![(0, 11, Kind::Person), (20, 25, Kind::Place)],
        }];
        let (a, _) = train(&examples, 10, 3, 0, &lexicon);
        let (b, _) = train(&examples, 10, 3, 0, &lexicon);
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
        assert!(Model::load(b"NMNER3\0\0\x10\0\0\0").is_none());
        let lexicon = Lexicon::new();
        let examples = vec![Example {
            text: "Peter Smith visited Paris.".to_string(),
            names: vec![(0, 11, Kind::Person), (20, 25, Kind::Place)],
        }];
        let (mut bytes, _) = train(&examples, 10, 2, 0, &lexicon);
        assert!(Model::load(&bytes).is_some());
        let mut longer = bytes.clone();
        longer.push(1);
        assert!(Model::load(&longer).is_none());
        bytes.pop();
        assert!(Model::load(&bytes).is_none());
    }
}
