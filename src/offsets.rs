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
    fn width(self, c: char) -> usize {
        match self {
            Unit::Utf16 => c.len_utf16(),
            Unit::CodePoint => 1,
        }
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
        let mut table = Vec::with_capacity(wanted.len());
        let mut wanted = wanted.into_iter().peekable();
        let mut converted = 0;
        for (byte, c) in text.char_indices() {
            // An offset inside a character (a layer's bug) converts like the character's end.
            while let Some(w) = wanted.next_if(|&w| w <= byte) {
                table.push((w, converted));
            }
            if wanted.peek().is_none() {
                break;
            }
            converted += unit.width(c);
        }
        // Offsets at (or, defensively, past) the end of the text.
        for w in wanted {
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
