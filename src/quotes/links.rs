//! How a quotation goes on from the ones before it: the speaker it continues, the chain of
//! speakers, the quotation around an offset, a speaker label inside it, a quotation broken by
//! its attribution.

use super::marks::Quotation;
use super::speaker::{Attribution, Chain};
use super::Found;

/// The attribution between the parts of a broken quotation is at most this long, in bytes.
const BREAK_LEN: usize = 160;

/// The previous speech quotation's attribution, when this one goes on from it: same paragraph,
/// the previous one ran unclosed to the end of its paragraph, or this one makes up the next
/// paragraph.
pub(super) fn continued(
    text: &str,
    previous: Option<&Found>,
    quotation: &Quotation,
) -> Option<Attribution> {
    let before = previous?;
    let attribution = before.attribution.as_ref()?;
    let between = &text[before.quotation.end..quotation.start];
    let same_paragraph = !between.contains('\n');
    let next_paragraph = !before.quotation.closed && between.trim().is_empty();
    // Only the rest of the previous quotation's paragraph, then blank lines.
    let next_quote_paragraph = between
        .split_once('\n')
        .is_some_and(|(_, rest)| rest.trim().is_empty());
    (same_paragraph || next_paragraph || next_quote_paragraph).then(|| attribution.clone())
}

/// `“…,” the mayor said, adding that it would take “more hours”`: the previous speech
/// quotation's speaker, when it is named between that quotation and this one, in the sentence
/// this one stands in (`in_sentence` tells whether a byte range crosses no sentence end). The
/// speaker is then inferred: no cue.
pub(super) fn attributed_before(
    previous: Option<&Found>,
    quotation: &Quotation,
    in_sentence: impl Fn(usize, usize) -> bool,
) -> Option<Attribution> {
    let before = previous?;
    let speaker = before.attribution.as_ref()?.speaker;
    let between = speaker.start >= before.quotation.end && speaker.end <= quotation.start;
    (between && in_sentence(speaker.end, quotation.start))
        .then_some(Attribution { speaker, cue: None })
}

/// The speaker of a speech quotation as a link in a chain of quotes: its entity, where it ends.
pub(super) fn chain(found: &Found) -> Option<Chain> {
    let entity = found.attribution.as_ref()?.speaker.entity?;
    Some(Chain {
        entity,
        end: found.quotation.end,
    })
}

/// The entity of the speaker of the quotation, among those `found`, that holds byte `at`.
pub(super) fn speaker_around(found: &[Found], at: usize) -> Option<usize> {
    let i = found.partition_point(|f| f.quotation.end <= at);
    let around = found.get(i).filter(|f| f.quotation.start <= at)?;
    around.attribution.as_ref()?.speaker.entity
}

/// Where the words start after a speaker label inside the quotation (`"PENCE: Well, …`): the
/// label and its mark are no part of what was said.
pub(super) fn after_label(
    text: &str,
    quotation: &Quotation,
    attribution: &Attribution,
) -> Option<usize> {
    let speaker = attribution.speaker;
    if speaker.start <= quotation.start || speaker.end >= quotation.end {
        return None;
    }
    let rest = text[speaker.end..quotation.end].strip_prefix(':')?;
    let words = rest.trim_start();
    (!words.is_empty()).then(|| quotation.end - words.len())
}

/// Whether `current` goes on from the quotation `before` across its attribution: same
/// paragraph, the same speaker, named between the two parts.
pub(super) fn broken(text: &str, before: &Found, current: &Found) -> bool {
    let (Some(first), Some(second)) = (&before.attribution, &current.attribution) else {
        return false;
    };
    let (end, start) = (before.quotation.end, current.quotation.start);
    let between = &text[end..start];
    first.speaker.start >= end
        && first.speaker.end <= start
        && first.speaker == second.speaker
        && first.cue.is_some()
        && between.len() <= BREAK_LEN
        && !between.contains('\n')
}
