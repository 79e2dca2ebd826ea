//! The model file's masks of non-zero weights (a bit per tag for each row in use), written as
//! a table of the most common masks and a byte per row: the mask's place in the table, or
//! [`ESCAPE`] for a mask the table lacks, whose three bytes follow the rows' bytes, in row order.
//! A few hundred masks are most of the rows (most rows hold one or two tags), so this gzips to
//! a sixth less than three bytes a row (51 KB against 62 KB for the 50,000 rows of a model
//! trained with silver data); the embedded model's file is 115 KB gzipped instead of 125 KB.
//!
//! The layout: the table's length (one byte, at most [`ESCAPE`]), its masks (three bytes each,
//! little-endian), a byte per row, then the escaped masks.

use std::collections::HashMap;

/// Bytes of a mask.
pub(super) const MASK_BYTES: usize = 3;
/// A row's byte when its mask is not in the table.
const ESCAPE: u8 = 255;

/// The masks, written as the module says: the table holds the commonest, most common first
/// (ties: the smaller mask first), so the same masks give the same bytes.
pub(super) fn encode(masks: &[u32]) -> Vec<u8> {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for &mask in masks {
        *counts.entry(mask).or_default() += 1;
    }
    let mut common: Vec<(u32, usize)> = counts.into_iter().collect();
    common.sort_unstable_by_key(|&(mask, n)| (std::cmp::Reverse(n), mask));
    common.truncate(usize::from(ESCAPE));
    let mut bytes = vec![common.len() as u8];
    for &(mask, _) in &common {
        bytes.extend_from_slice(&mask.to_le_bytes()[..MASK_BYTES]);
    }
    let place: HashMap<u32, u8> = (common.iter().enumerate())
        .map(|(i, &(mask, _))| (mask, i as u8))
        .collect();
    let mut escaped = Vec::new();
    for mask in masks {
        bytes.push(place.get(mask).copied().unwrap_or_else(|| {
            escaped.extend_from_slice(&mask.to_le_bytes()[..MASK_BYTES]);
            ESCAPE
        }));
    }
    bytes.extend_from_slice(&escaped);
    bytes
}

/// The masks of `rows` rows from the start of `bytes`, and the bytes after them; `None` when
/// the bytes are cut short or name a mask the table lacks.
pub(super) fn decode(bytes: &[u8], rows: usize) -> Option<(Vec<u32>, &[u8])> {
    let (&len, rest) = bytes.split_first()?;
    let (table, rest) = rest.split_at_checked(usize::from(len) * MASK_BYTES)?;
    let table: Vec<u32> = table.chunks_exact(MASK_BYTES).map(mask).collect();
    let (places, mut rest) = rest.split_at_checked(rows)?;
    let mut masks = Vec::with_capacity(rows);
    for &place in places {
        masks.push(if place == ESCAPE {
            let (bytes, after) = rest.split_at_checked(MASK_BYTES)?;
            rest = after;
            mask(bytes)
        } else {
            *table.get(usize::from(place))?
        });
    }
    Some((masks, rest))
}

fn mask(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_escapes() {
        // 300 distinct masks: the 255 commonest go in the table, the rest are escaped.
        let mut masks: Vec<u32> = (1..=300).collect();
        masks.extend([1, 1, 7, 1 << 16]);
        let bytes = encode(&masks);
        assert_eq!(bytes[0], 255);
        assert_eq!(&bytes[1..4], &[1, 0, 0], "the commonest mask first");
        let mut with_tail = bytes.clone();
        with_tail.push(42);
        let (decoded, rest) = decode(&with_tail, masks.len()).unwrap();
        assert_eq!(decoded, masks);
        assert_eq!(rest, &[42]);
        // 301 distinct masks, 255 in the table: 46 rows escaped, 3 bytes each after a byte per
        // row ("1 << 16", seen once, is the largest of the rarest, so it is one of them).
        assert_eq!(bytes.len(), 1 + 255 * 3 + masks.len() + 46 * 3);
        assert_eq!(&bytes[bytes.len() - 3..], &[0, 0, 1]);
    }

    #[test]
    fn malformed_masks_are_refused() {
        let bytes = encode(&[5, 5, 9]);
        assert!(
            decode(&bytes[..bytes.len() - 1], 3).is_none(),
            "a row's byte missing"
        );
        assert!(decode(&bytes, 4).is_none(), "more rows than bytes");
        let mut outside = bytes.clone();
        *outside.last_mut().unwrap() = 7; // the table has two masks
        assert!(decode(&outside, 3).is_none());
        let mut escaped = vec![0u8];
        escaped.push(ESCAPE);
        escaped.extend_from_slice(&[1, 0]);
        assert!(decode(&escaped, 1).is_none(), "an escaped mask cut short");
        assert!(decode(&[], 0).is_none());
    }
}
