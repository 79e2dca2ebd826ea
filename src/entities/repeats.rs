//! Document-level consistency: a name the tagger marked somewhere is marked wherever the text
//! repeats it written the same way, and a person's surname, or listed given name, wherever it
//! stands alone ("Thomas Sam" … "Thomas' sister"), but not as a date's month ("Jan Novak" …
//! "Jan 11"). The tagger decides each sentence on its own and misses some repeats of a name it
//! found elsewhere (a lone "Rathbun" after "Mark Rathbun"); grouping then gives the repeat the
//! entity's kind.

use super::edges::is_dated;
use super::lexicon::Lexicon;
use super::tagger::Found;
use crate::text::{lowercase, Document, FastMap, FastSet};
use crate::Kind;

/// Of `words`, the lowercase forms that are common words: written in lowercase somewhere in
/// `doc` (starting with a lowercase letter), or stopwords. Only the tokens as long as one of
/// them are read further: most texts ask of few words, and no token's lowercase is made for
/// nothing.
fn common_words<'w>(
    doc: &Document,
    lexicon: &Lexicon,
    words: impl Iterator<Item = &'w str>,
) -> FastSet<String> {
    let asked: FastSet<String> = words.map(str::to_lowercase).collect();
    let mut common = FastSet::default();
    if asked.is_empty() {
        return common;
    }
    // Bit `n`: a word of `n` bytes is asked (`n` < 64; a longer one sets bit 0, read by all).
    let lengths = asked.iter().fold(0u64, |bits, word| {
        bits | 1 << if word.len() < 64 { word.len() } else { 0 }
    });
    for t in 0..doc.tokens.len() {
        let text = doc.token_text(t);
        // An ASCII word's lowercase is as long as the word; any other is read.
        let length_asked = lengths & 1 != 0 || text.len() < 64 && lengths & 1 << text.len() != 0;
        if (length_asked || !text.is_ascii()) && text.chars().next().is_some_and(char::is_lowercase)
        {
            let lower = lowercase(text);
            if asked.contains(lower.as_ref()) {
                common.insert(lower.into_owned());
            }
        }
    }
    common.extend(
        asked
            .into_iter()
            .filter(|word| lexicon.stopwords.contains(word)),
    );
    common
}

/// The longest name whose repeats are looked for, in words. A walk down the [`Names`] trie from
/// a token stops here, so each token costs at most this many steps however the names share their
/// words (with this limit `annotate` writes the same bytes on the five dev corpora).
const MAX_WORDS: usize = 12;

/// The names found, as a trie over their words as written: each distinct name once, with the
/// kind it was first found as. Finding the longest name at a token walks the trie word by word,
/// so the cost does not grow with the number of names sharing a first word ("John Zed1",
/// "John Zed2", … scanned a list per first word: quadratic).
struct Names<'a> {
    /// (node, next word) → child node; node 0 is the root.
    edges: FastMap<(u32, &'a str), u32>,
    /// The kind of the name ending at each node, if one does.
    kinds: Vec<Option<Kind>>,
}

impl<'a> Names<'a> {
    fn new() -> Names<'a> {
        Names {
            edges: FastMap::default(),
            kinds: vec![None],
        }
    }

    /// Adds a name unless it is known already (the first kind found stays).
    fn add(&mut self, words: impl Iterator<Item = &'a str>, kind: Kind) {
        let mut node = 0u32;
        for (depth, word) in words.enumerate() {
            if depth == MAX_WORDS {
                return;
            }
            let next = self.kinds.len() as u32;
            node = *self.edges.entry((node, word)).or_insert(next);
            if node == next {
                self.kinds.push(None);
            }
        }
        self.kinds[node as usize].get_or_insert(kind);
    }

    /// The longest name written at tokens `t..` that ends before `bound`: its length in words
    /// and its kind.
    fn longest_at(&self, doc: &Document<'a>, t: usize, bound: usize) -> Option<(usize, Kind)> {
        let mut node = 0u32;
        let mut best = None;
        for u in t..bound.min(t + MAX_WORDS) {
            match self.edges.get(&(node, doc.token_text(u))) {
                Some(&next) => node = next,
                None => break,
            }
            if let Some(kind) = self.kinds[node as usize] {
                best = Some((u + 1 - t, kind));
            }
        }
        best
    }
}

/// Adds the unmarked repeats of the names in `found` (kept in text order).
pub fn add<'a>(doc: &Document<'a>, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let mut covered = vec![false; doc.tokens.len()];
    let mut names = Names::new();
    for name in found.iter() {
        covered[name.tokens.clone()].fill(true);
        let last = name.tokens.end - 1;
        if name.kind == Kind::Person && name.tokens.len() > 1 && doc.is_capitalized(last) {
            names.add(std::iter::once(doc.token_text(last)), Kind::Person);
            let first = doc.token_text(name.tokens.start);
            if lexicon.given_names.contains(&first.to_lowercase()) {
                names.add(std::iter::once(first), Kind::Person);
            }
        }
        names.add(name.tokens.clone().map(|t| doc.token_text(t)), name.kind);
    }
    let mut repeats = Vec::new();
    for sentence in &doc.sentences {
        let end = sentence.tokens.end;
        let mut t = sentence.tokens.start;
        // The first covered token at or after `t` (or the sentence end): a repeat stops before.
        let mut bound = t;
        while t < end {
            if bound < t {
                bound = t;
            }
            while bound < end && !covered[bound] {
                bound += 1;
            }
            let repeat = (doc.is_capitalized(t))
                .then(|| names.longest_at(doc, t, bound))
                .flatten()
                .filter(|_| !is_dated(doc, lexicon, t));
            match repeat {
                Some((len, kind)) => {
                    repeats.push(Found {
                        tokens: t..t + len,
                        kind,
                    });
                    t += len;
                }
                None => t += 1,
            }
        }
    }
    // A word also written in lowercase is a common word where it stands capitalized ("Hope"):
    // no one-word repeat. (Leaving one out moves the walk above on by one token, as taking it
    // does, so they can be left out after it.)
    let one_word = |name: &Found| name.tokens.len() == 1;
    let asked = repeats.iter().filter(|name| one_word(name));
    let common = common_words(
        doc,
        lexicon,
        asked.map(|name| doc.token_text(name.tokens.start)),
    );
    if !common.is_empty() {
        repeats.retain(|name| {
            !one_word(name)
                || !common.contains(doc.token_text(name.tokens.start).to_lowercase().as_str())
        });
    }
    if !repeats.is_empty() {
        found.extend(repeats);
        found.sort_by_key(|name| name.tokens.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names after [`add`], texts and kinds, when the tagger found `names` (each at its first
    /// place in `text`).
    fn with_repeats(text: &str, names: &[(&str, Kind)]) -> (Vec<String>, Vec<Kind>) {
        let doc = Document::new(text);
        let mut found = Found::first_places(&doc, names);
        add(&doc, &Lexicon::new(), &mut found);
        (
            found.iter().map(|f| f.text(&doc)).collect(),
            found.iter().map(|f| f.kind).collect(),
        )
    }

    #[test]
    fn a_given_name_is_no_repeat_as_a_dates_month() {
        let (texts, _) = with_repeats(
            "Jan Novak sold the cargo. Shipment is for Jan 11 to Jan. 20, Jan said.",
            &[("Jan Novak", Kind::Person)],
        );
        assert_eq!(texts, ["Jan Novak", "Jan"]);
    }

    #[test]
    fn repeats_and_surnames_are_added_in_text_order() {
        let (texts, kinds) = with_repeats(
            "Mark Rathbun met Acme Widgets staff. Later Rathbun left Acme Widgets for good.",
            &[
                ("Mark Rathbun", Kind::Person),
                ("Acme Widgets", Kind::Organization),
            ],
        );
        assert_eq!(
            texts,
            ["Mark Rathbun", "Acme Widgets", "Rathbun", "Acme Widgets"]
        );
        assert_eq!(kinds[2], Kind::Person);
        assert_eq!(kinds[3], Kind::Organization);
    }

    #[test]
    fn a_listed_given_name_alone_is_the_person() {
        let (texts, _) = with_repeats(
            "Thomas Sam and Acme Widgets met. Later, Thomas' sister called.",
            &[
                ("Thomas Sam", Kind::Person),
                ("Acme Widgets", Kind::Organization),
            ],
        );
        assert_eq!(texts, ["Thomas Sam", "Acme Widgets", "Thomas"]);
        // Not a person's name ("Acme"), not a listed given name ("Zed"): left alone.
        let (texts, _) = with_repeats(
            "Acme Widgets met Zed Rathbun. Later, Acme and Zed left.",
            &[
                ("Acme Widgets", Kind::Organization),
                ("Zed Rathbun", Kind::Person),
            ],
        );
        assert_eq!(texts, ["Acme Widgets", "Zed Rathbun"]);
    }

    #[test]
    fn common_words_and_other_spellings_are_left_alone() {
        let (texts, _) = with_repeats(
            "The team named its robot Hope. Hope is what they had, and hope helps. HOPE won.",
            &[("Hope", Kind::Misc)],
        );
        assert_eq!(texts, ["Hope"]);
    }
}
