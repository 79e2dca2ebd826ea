//! Offset conversion. The core counts in UTF-8 bytes; JavaScript counts in UTF-16 code units and
//! the corpus format (Python `str`) in code points. Conversion happens once, at each boundary.

use crate::Analysis;

/// The unit an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units, as JavaScript's `String.prototype.slice` counts.
    Utf16,
    /// Unicode scalar values, as Python's `str` indexing counts.
    CodePoint,
}

impl Unit {
    /// What a byte of UTF-8 adds to the offset of the text after it. Counting bytes instead of
    /// decoding characters keeps the conversion a tight loop: a character's first byte counts
    /// it (a four-byte one, `0xF0..`, is a surrogate pair in UTF-16), continuation bytes count
    /// nothing, so an offset inside a character converts like that character's end.
    fn width_of_byte(self, byte: u8) -> usize {
        let starts_char = (byte & 0xC0 != 0x80) as usize;
        match self {
            Unit::Utf16 => starts_char + (byte >= 0xF0) as usize,
            Unit::CodePoint => starts_char,
        }
    }

    /// The length in this unit of the UTF-8 `bytes` (which may cut characters).
    fn count(self, bytes: &[u8]) -> usize {
        bytes.iter().map(|&b| self.width_of_byte(b)).sum()
    }
}

/// Converts byte offsets into `text` to `unit`, for a batch of offsets in one pass over the text.
pub struct OffsetMap {
    /// Sorted (byte offset, converted offset) pairs for every offset asked for.
    table: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Prepares conversion of `offsets` (in any order; each must lie on a char boundary).
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>, unit: Unit) -> OffsetMap {
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut table = Vec::with_capacity(wanted.len());
        let (mut counted_to, mut converted) = (0, 0);
        for w in wanted {
            // Offsets past the end (defensively) convert like the end.
            let upto = w.min(bytes.len());
            converted += unit.count(&bytes[counted_to..upto]);
            counted_to = upto;
            table.push((w, converted));
        }
        OffsetMap { table }
    }

    /// The converted offset of `byte`, which should be among those given to [`OffsetMap::new`];
    /// any other converts like the nearest prepared offset after it.
    pub fn convert(&self, byte: usize) -> usize {
        let i = self.table.partition_point(|&(b, _)| b < byte);
        self.table
            .get(i)
            .or(self.table.last())
            .map_or(0, |&(_, converted)| converted)
    }
}

/// Converts every offset of `analysis` (byte offsets into `text`) to `unit`.
pub fn convert_analysis(text: &str, analysis: &mut Analysis, unit: Unit) {
    let mut offsets = Vec::new();
    analysis.map_offsets(|offset| {
        offsets.push(offset);
        offset
    });
    let map = OffsetMap::new(text, offsets, unit);
    analysis.map_offsets(|offset| map.convert(offset));
}

/// The length of `text` in `unit`.
pub fn length(text: &str, unit: Unit) -> usize {
    match unit {
        Unit::Utf16 => text.encode_utf16().count(),
        Unit::CodePoint => text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert_one(text: &str, byte: usize, unit: Unit) -> usize {
        OffsetMap::new(text, [byte], unit).convert(byte)
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        for byte in 0..=5 {
            assert_eq!(convert_one("hello", byte, Unit::Utf16), byte);
            assert_eq!(convert_one("hello", byte, Unit::CodePoint), byte);
        }
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_one_code_point() {
        let text = "a😀b";
        let b = text.find('b').unwrap();
        assert_eq!(b, 5);
        assert_eq!(convert_one(text, b, Unit::Utf16), 3);
        assert_eq!(convert_one(text, b, Unit::CodePoint), 2);
        assert_eq!(convert_one(text, text.len(), Unit::Utf16), 4);
    }

    #[test]
    fn combining_marks_and_crlf_count_per_scalar() {
        let text = "Cafe\u{301}\r\nZo\u{eb}";
        let z = text.find('Z').unwrap();
        assert_eq!(convert_one(text, z, Unit::Utf16), 7);
        assert_eq!(convert_one(text, z, Unit::CodePoint), 7);
        assert_eq!(convert_one(text, text.len(), Unit::CodePoint), 10);
    }

    #[test]
    fn offsets_inside_characters_or_past_the_end_do_not_panic() {
        let text = "é😀";
        assert_eq!(convert_one(text, 1, Unit::CodePoint), 1);
        assert_eq!(convert_one(text, 3, Unit::Utf16), 3);
        assert_eq!(convert_one(text, 99, Unit::Utf16), 3);
        assert_eq!(OffsetMap::new(text, [], Unit::Utf16).convert(2), 0);
    }

    #[test]
    fn batch_conversion_agrees_with_single_conversions() {
        let text = "«Ça va» 😀 — 東京 said 𝔘nicode.";
        let bytes: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        for unit in [Unit::Utf16, Unit::CodePoint] {
            let map = OffsetMap::new(text, bytes.iter().copied().rev(), unit);
            for &b in &bytes {
                assert_eq!(map.convert(b), length(&text[..b], unit));
            }
        }
    }
}
