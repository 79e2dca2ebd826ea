//! Word forms for the features: shapes ("Putin" → "Xxx") and lowercase hashing that grows a
//! phrase's hash word by word without writing the phrase out.

use super::super::lexicon::{fnv, fnv1};

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
pub(super) fn shape_into(word: &str, out: &mut String) {
    out.clear();
    squeeze(word.chars().map(class), '\0', |c| {
        out.push(c);
        c.len_utf8()
    });
}

/// `fnv` of the word's shape; for an ASCII word (most are) without writing the shape out.
pub(super) fn shape_hash(word: &str, buf: &mut String) -> u64 {
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
pub(super) fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// `h` carried on over the bytes of the lowercase of `word` (as [`push_lower`] writes it).
pub(super) fn fnv_lower(h: u64, word: &str) -> u64 {
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
}
