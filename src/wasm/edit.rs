//! What changed between two readings of an element's text, and where a span painted before the
//! change lies after it. Pure: no DOM here.

use crate::offsets::{length, Unit};

/// One edit, in UTF-16 offsets: `at..old_end` of the old text became `at..new_end` of the new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub at: u32,
    pub old_end: u32,
    pub new_end: u32,
}

impl Edit {
    /// The smallest edit turning `old` into `new` (their common start and end kept); `None`
    /// when they are equal.
    pub fn between(old: &str, new: &str) -> Option<Edit> {
        if old == new {
            return None;
        }
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let room = a.len().min(b.len()) - prefix;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
            suffix -= 1;
        }
        let at = length(&old[..prefix], Unit::Utf16) as u32;
        let old_middle = length(&old[prefix..a.len() - suffix], Unit::Utf16) as u32;
        let new_middle = length(&new[prefix..b.len() - suffix], Unit::Utf16) as u32;
        Some(Edit {
            at,
            old_end: at + old_middle,
            new_end: at + new_middle,
        })
    }

    /// Where `start..end` of the old text is in the new one: unchanged when it ends at or
    /// before the edit, moved by the length change when it starts at or after the edit's end,
    /// gone when the edit touches its inside.
    pub fn shift(&self, start: u32, end: u32) -> Option<(u32, u32)> {
        if end <= self.at {
            Some((start, end))
        } else if start >= self.old_end {
            let moved = |offset: u32| offset - self.old_end + self.new_end;
            Some((moved(start), moved(end)))
        } else {
            None
        }
    }

    /// Where the painted part `from..to` of the old text lies in the new one: it keeps its
    /// ends, moved by the length change where they are past the edit, and takes in what the
    /// edit inserted where it touches it. `None` when the edit inserted more than `most` units
    /// (a paste): the part must be measured again.
    pub fn carry(&self, from: u32, to: u32, most: u32) -> Option<(u32, u32)> {
        if self.new_end - self.at > most {
            return None;
        }
        let moved = |offset: u32| (offset + self.new_end).saturating_sub(self.old_end);
        let from = if from > self.at {
            moved(from).max(self.at)
        } else {
            from
        };
        let to = if to >= self.at {
            moved(to).max(self.new_end)
        } else {
            to
        };
        Some((from, to))
    }
}
