//! Pairs quotation marks into quotations, one paragraph (line) at a time, so an unbalanced mark
//! can never swallow the rest of the document. Linear in the text: each mark is looked at once
//! and the stack of open quotations is capped.

/// A quotation found in the text: its byte range, quote marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub start: usize,
    pub end: usize,
    /// False when the quotation was still open at the end of its paragraph.
    pub closed: bool,
}

/// Double marks (“ ” " « ») pair with each other; single curly marks (‘ ’) only with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
}

/// Deeper nesting than this is noise (runs of marks); further openings are ignored.
const MAX_DEPTH: usize = 8;

/// How many paragraphs with no double mark a quotation may run through before its closing mark
/// (a quotation whose next paragraph does not reopen the mark, `“…¶…”`).
const RUN_ON: usize = 2;

/// The outermost quotations of `text`, in order; they never overlap.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut found: Vec<Quotation> = Vec::new();
    let mut start = 0;
    // An unclosed double quotation (index in `found`) and how many paragraphs it ran through.
    let mut pending: Option<(usize, usize)> = None;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let mut from = start;
        if let Some((index, through)) = pending.take() {
            match first_double_mark(text, start, end) {
                // The paragraph closes the quotation without reopening it.
                Some(mark) if mark.can_close && !mark.can_open => {
                    found[index].end = mark.at + mark.len;
                    found[index].closed = true;
                    from = mark.at + mark.len;
                }
                None if through < RUN_ON || line.trim().is_empty() => {
                    let through = through + usize::from(!line.trim().is_empty());
                    pending = Some((index, through));
                }
                _ => {}
            }
        }
        let before = found.len();
        pair_paragraph(text, from, end, &mut found);
        if let Some(last) = found[before..].last() {
            if !last.closed {
                pending = Some((found.len() - 1, 0));
            }
        }
        start = end;
    }
    outermost(found)
}

/// The first double quotation mark of `text[start..end]`.
fn first_double_mark(text: &str, start: usize, end: usize) -> Option<Mark> {
    marks(text, start, end).find(|m| m.family == Family::Double)
}

/// Pairs the marks of the paragraph `text[start..end]`, adding every pair to `found`; a double
/// quotation still open at the end runs to the end of the paragraph (and is added last).
fn pair_paragraph(text: &str, start: usize, end: usize, found: &mut Vec<Quotation>) {
    let mut open: Vec<Mark> = Vec::new();
    for mark in marks(text, start, end) {
        let matching = open.iter().rposition(|o| o.family == mark.family);
        match matching {
            Some(i) if mark.can_close => {
                let opening = open[i];
                open.truncate(i);
                let quotation = Quotation {
                    start: opening.at,
                    end: mark.at + mark.len,
                    closed: true,
                };
                if is_quotation(text, &quotation, mark.family) {
                    found.push(quotation);
                }
            }
            _ if mark.can_open && open.len() < MAX_DEPTH => open.push(mark),
            _ => {}
        }
    }
    // Single marks left open were apostrophes ("‘em"); an open double quotation ends here.
    if let Some(opening) = open.iter().find(|o| o.family == Family::Double) {
        let quotation = Quotation {
            start: opening.at,
            end: start + text[start..end].trim_end().len(),
            closed: false,
        };
        if is_quotation(text, &quotation, Family::Double) {
            found.push(quotation);
        }
    }
}

/// Something was quoted: at least one letter or digit, and for single marks several words
/// (a lone ‘word’ is too easily confused with apostrophes).
fn is_quotation(text: &str, quotation: &Quotation, family: Family) -> bool {
    let inner = &text[quotation.start..quotation.end];
    inner.chars().any(char::is_alphanumeric)
        && (family == Family::Double || inner.trim().contains(char::is_whitespace))
}

/// The quotation marks of `text[start..end]`, with what each may do given its neighbours. Only
/// the bytes that can begin a mark are looked at closely: `"`, and the lead bytes of « » (C2) and
/// of the curly marks (E2).
fn marks(text: &str, start: usize, end: usize) -> impl Iterator<Item = Mark> + '_ {
    let paragraph = &text[start..end];
    let bytes = paragraph.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + find_mark_byte(&bytes[from..])?;
        let c = paragraph[at..].chars().next()?;
        from = at + c.len_utf8();
        let previous = paragraph[..at].chars().next_back();
        let next = paragraph[from..].chars().next();
        if let Some((family, can_open, can_close)) = classify(previous, c, next) {
            return Some(Mark {
                at: start + at,
                len: c.len_utf8(),
                family,
                can_open,
                can_close,
            });
        }
    })
}

fn is_mark_byte(b: &u8) -> bool {
    matches!(b, b'"' | 0xC2 | 0xE2)
}

/// The offset of the first byte of `bytes` that may begin a quotation mark, passing over eight
/// bytes at a time while none of them is one (most text holds few marks).
fn find_mark_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `word` is `byte` (the classic test for a zero byte).
    let holds = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let mut skipped = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if holds(word, b'"') || holds(word, 0xC2) || holds(word, 0xE2) {
            break;
        }
        skipped += 8;
    }
    let rest = bytes[skipped..].iter().position(is_mark_byte)?;
    Some(skipped + rest)
}

/// The family of a quotation mark and whether it can open and close a quotation here.
fn classify(before: Option<char>, c: char, after: Option<char>) -> Option<(Family, bool, bool)> {
    let open_side = before.is_none_or(|b| b.is_whitespace() || is_opener(b));
    let close_side = after.is_none_or(|a| !a.is_alphanumeric());
    let word_follows = after.is_some_and(|a| !a.is_whitespace());
    let word_precedes = before.is_some_and(|b| !b.is_whitespace());
    match c {
        '«' | '„' => Some((Family::Double, true, false)),
        // Opens in English; closes after words in German („Wir schaffen das.“).
        '“' => Some((Family::Double, true, word_precedes && close_side)),
        '»' => Some((Family::Double, false, true)),
        // Some texts open with ” too.
        '”' => Some((Family::Double, open_side && word_follows, true)),
        '"' => Some((
            Family::Double,
            open_side && word_follows,
            word_precedes && close_side,
        )),
        // Not before a digit: ‘90s is an apostrophe.
        '‘' => Some((
            Family::Single,
            open_side && after.is_some_and(char::is_alphabetic),
            false,
        )),
        // Not between letters: don’t, Joneses’s.
        '’' => Some((Family::Single, false, word_precedes && close_side)),
        _ => None,
    }
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '“' | '‘' | '"' | '«' | '/'
    )
}

/// Drops quotations inside others (quotes inside quotes): only the outer one is reported.
fn outermost(mut found: Vec<Quotation>) -> Vec<Quotation> {
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Quotation> = Vec::with_capacity(found.len());
    for quotation in found {
        if kept.last().is_none_or(|last| quotation.start >= last.end) {
            kept.push(quotation);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text)
            .into_iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn mark_bytes_found_in_any_place_of_a_word() {
        for at in 0..20 {
            let mut text = "x".repeat(20);
            text.insert(at, '“');
            assert_eq!(find_mark_byte(text.as_bytes()), Some(at), "{text}");
        }
        assert_eq!(find_mark_byte(b"no marks in these words at all"), None);
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quoted("“I believe,” Trump wrote. He said \"no deal\" twice."),
            ["“I believe,”", "\"no deal\""]
        );
    }

    #[test]
    fn quotes_inside_quotes_report_the_outer_one() {
        assert_eq!(
            quoted("He said: \"Read the question: “Do you agree?” Yes.\" Then left."),
            ["\"Read the question: “Do you agree?” Yes.\""]
        );
        assert_eq!(
            quoted("“He called it ‘a total disaster’ today,” she said."),
            ["“He called it ‘a total disaster’ today,”"]
        );
    }

    #[test]
    fn single_curly_pairs_need_several_words() {
        assert_eq!(
            quoted("It’s ‘in their heads,’ he said, not ‘fine’."),
            ["‘in their heads,’"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("Don’t blame the ’90s or the Joneses’ house, rock ’n’ roll."),
            [] as [&str; 0]
        );
        assert_eq!(
            quoted("In the ‘90s the Joneses’ house burned."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_the_paragraph_end() {
        let text = "“First paragraph goes on\r\n“Second one is closed.”\nNo quote here.";
        assert_eq!(
            quoted(text),
            ["“First paragraph goes on", "“Second one is closed.”"]
        );
        assert!(!quotations(text)[0].closed);
        assert!(quotations(text)[1].closed);
    }

    #[test]
    fn inch_marks_and_lone_marks_are_harmless() {
        assert_eq!(quoted("He is 5'11\" tall."), [] as [&str; 0]);
        assert_eq!(quoted("”"), [] as [&str; 0]);
        assert_eq!(quoted("“"), [] as [&str; 0]);
        assert_eq!(quoted("\"\"\"\"\"\""), [] as [&str; 0]);
        assert_eq!(quoted(""), [] as [&str; 0]);
    }

    #[test]
    fn many_marks_stay_linear_and_disjoint() {
        let text = "“a ".repeat(50_000) + &"” ".repeat(50_000);
        let found = quotations(&text);
        assert_eq!(found.len(), 1);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
