//! Viterbi decoding of one sentence under the BILOU constraints: a name opens with B or U,
//! goes on with I and closes with L, all of one kind. Tokens far from any capital letter can
//! only be O; the decoder scores one tag there, not 17.

use super::{allowed, kind_of, opens, part_of, tag_of, Found, B, KINDS, L, TAGS, U};

/// The emissions of a token that cannot be in a name: only O possible, at no cost (a constant
/// added to every path leaves the best path the same).
pub(super) const OUTSIDE_ONLY: [f32; TAGS] = {
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

/// The tags no name is open after (O, L and U), in increasing order: the tags that may precede
/// O, B and U. An I or L tag may follow only the B or I of its kind.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The transitions as Viterbi uses them: the start scores, and for each tag the weights from
/// the tags that may precede it (in increasing order, so ties go to the same one as over all
/// tags): the [`CLOSED`] tags for O, B and U; the B and I of its kind for I and L. Built once
/// per model; fixed-size, so the loops unroll.
pub(super) struct Decoder {
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
    pub(super) fn new(transitions: &[f32]) -> Decoder {
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
pub(super) fn viterbi(emissions: &[[f32; TAGS]], decoder: &Decoder) -> Vec<usize> {
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
pub(super) fn spans(tags: &[usize], base: usize) -> Vec<Found> {
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

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;
    use crate::Kind;

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
}
