//! Groups mentions into entities: identical names; a surname after the full name of a person
//! ("Vladimir Putin" … "Putin"); an acronym in parentheses after a name ("… Organization
//! (NATO)"). Then each entity's kind is decided from the votes of all its mentions.

use std::collections::HashMap;

use super::chunk::Mention;
use super::evidence::{weight, Evidence};
use crate::text::Document;
use crate::Kind;

/// One entity: its mentions (indices, in text order) and their summed votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub mentions: Vec<usize>,
    pub evidence: Evidence,
    /// Words of its longest mention.
    pub words: usize,
}

impl Group {
    /// The entity's kind: the strongest vote, else a guess from its shape. Measured on news
    /// (CoNLL-2003 and GUM dev): an unknown name of several words is most often a person's, an
    /// unknown single word most often an organization's (companies, teams, agencies).
    pub fn kind(&self) -> Kind {
        decide(&self.evidence, self.words)
    }
}

fn decide(evidence: &Evidence, words: usize) -> Kind {
    evidence.strongest().unwrap_or(if words > 1 {
        Kind::Person
    } else {
        Kind::Organization
    })
}

/// Groups `mentions` (in text order) into entities, in order of first mention.
pub fn group(doc: &Document, mentions: &[Mention]) -> Vec<Group> {
    let mut sets = Sets::new(mentions.len());
    let mut bonus = vec![Evidence::default(); mentions.len()];
    join_identical(mentions, &mut sets);
    join_acronyms(doc, mentions, &mut sets);
    join_surnames(mentions, &mut sets, &mut bonus);
    collect(mentions, &mut sets, &bonus)
}

fn join_identical(mentions: &[Mention], sets: &mut Sets) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        let earlier = *first.entry(mention.key.as_str()).or_insert(i);
        sets.union(earlier, i);
    }
}

/// "North Atlantic Treaty Organization (NATO)": the acronym right after a name, in parentheses,
/// starting with the name's first letter.
fn join_acronyms(doc: &Document, mentions: &[Mention], sets: &mut Sets) {
    for (i, pair) in mentions.windows(2).enumerate() {
        let (name, acronym) = (&pair[0], &pair[1]);
        let end = name.tokens.end;
        let bracketed = acronym.tokens == (end + 1..end + 2)
            && doc.token_text(end) == "("
            && end + 2 < doc.tokens.len()
            && doc.token_text(end + 2) == ")";
        // Only when bracketed: `end + 1` may be past the last token otherwise.
        let initials = bracketed
            && name.word_count() > 1
            && is_upper_word(doc.token_text(end + 1))
            && acronym.key.chars().next() == name.key.chars().next();
        if bracketed && initials {
            sets.union(i, i + 1);
        }
    }
}

fn is_upper_word(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// A one-word mention equal to the last word of a person's full name joins that person (the
/// nearest full name before it, else the first in the text), unless the word lists make it
/// something else.
fn join_surnames(mentions: &[Mention], sets: &mut Sets, bonus: &mut [Evidence]) {
    let votes = summed_votes(mentions, sets);
    let kind_of =
        |sets: &mut Sets, i: usize| decide(&votes[sets.find(i)], mentions[i].word_count());
    let mut full_names: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        if mention.word_count() > 1 && kind_of(sets, i) == Kind::Person {
            full_names.entry(mention.last_word()).or_default().push(i);
        }
    }
    for (i, mention) in mentions.iter().enumerate() {
        let Some(candidates) = full_names.get(mention.key.as_str()) else {
            continue;
        };
        // Only a word-list entry or a suffix outweighs the full name; "in Warhol" does not.
        let own = votes[sets.find(i)];
        let other = [Kind::Organization, Kind::Place, Kind::Misc]
            .into_iter()
            .any(|kind| own.get(kind) >= weight::STRONG && own.get(kind) > own.get(Kind::Person));
        if other {
            continue;
        }
        // Candidates are in text order: the last one before `i`, by binary search.
        let before = candidates.partition_point(|&c| c < i);
        let nearest = candidates[before.saturating_sub(1)];
        sets.union(nearest, i);
        bonus[i].add(Kind::Person, weight::MEDIUM);
    }
}

/// The votes of each current set, indexed by its root.
fn summed_votes(mentions: &[Mention], sets: &mut Sets) -> Vec<Evidence> {
    let mut votes = vec![Evidence::default(); mentions.len()];
    for (i, mention) in mentions.iter().enumerate() {
        let root = sets.find(i);
        votes[root].merge(&mention.evidence);
    }
    votes
}

fn collect(mentions: &[Mention], sets: &mut Sets, bonus: &[Evidence]) -> Vec<Group> {
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (i, mention) in mentions.iter().enumerate() {
        let root = sets.find(i);
        let index = *index_of_root.entry(root).or_insert_with(|| {
            groups.push(Group {
                mentions: Vec::new(),
                evidence: Evidence::default(),
                words: 0,
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        group.mentions.push(i);
        group.evidence.merge(&mention.evidence);
        group.evidence.merge(&bonus[i]);
        group.words = group.words.max(mention.word_count());
    }
    groups
}

/// Disjoint sets (union-find with path halving); the smaller index stays the root, so a root is
/// always its set's first mention.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(len: usize) -> Sets {
        Sets {
            parent: (0..len).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = (a.min(b), a.max(b));
        self.parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::super::chunk::{Chunker, Patterns};
    use super::super::context::Context;
    use super::super::lexicon::Lexicon;
    use super::*;

    /// The groups of `text` as (mention texts, kind).
    fn groups(text: &str) -> Vec<(Vec<String>, Kind)> {
        let doc = Document::new(text);
        let (lexicon, patterns) = (Lexicon::new(), Patterns::new());
        let context = Context::new(&doc, &lexicon);
        let mentions = Chunker::new(&doc, &lexicon, &patterns, &context).mentions();
        group(&doc, &mentions)
            .into_iter()
            .map(|g| {
                let texts = g
                    .mentions
                    .iter()
                    .map(|&m| text[mentions[m].start..mentions[m].end].to_string())
                    .collect();
                (texts, g.kind())
            })
            .collect()
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn surname_joins_full_name_even_before_it() {
        assert_eq!(
            groups(
                "Trump will meet Putin. He called Vladimir Putin, as Mr. Trump said. Putin agreed."
            ),
            [
                (strings(&["Trump", "Trump"]), Kind::Person),
                (strings(&["Putin", "Vladimir Putin", "Putin"]), Kind::Person),
            ]
        );
    }

    #[test]
    fn surname_of_a_place_does_not_join() {
        assert_eq!(
            groups("He met Tom Georgia. Then Georgia voted."),
            [
                (strings(&["Tom Georgia"]), Kind::Person),
                (strings(&["Georgia"]), Kind::Place)
            ]
        );
    }

    #[test]
    fn a_weak_place_hint_does_not_stop_a_surname() {
        assert_eq!(
            groups("He saw the Andy Warhol show. Interest in Warhol grew."),
            [(strings(&["Andy Warhol", "Warhol"]), Kind::Person)]
        );
    }

    #[test]
    fn identical_names_join_across_case() {
        assert_eq!(
            groups("PUTIN IN BUDAPEST\nThey met in Budapest."),
            [(strings(&["BUDAPEST", "Budapest"]), Kind::Place)]
        );
    }

    #[test]
    fn acronym_in_parentheses_joins() {
        assert_eq!(
            groups("The North Atlantic Treaty Organization (NATO) met. NATO agreed."),
            [(
                strings(&["North Atlantic Treaty Organization", "NATO", "NATO"]),
                Kind::Organization
            )]
        );
    }

    #[test]
    fn unknown_names_get_a_kind_from_their_shape() {
        assert_eq!(
            groups("He met Jorge Tarango of Pirelli."),
            [
                (strings(&["Jorge Tarango"]), Kind::Person),
                (strings(&["Pirelli"]), Kind::Organization)
            ]
        );
    }

    #[test]
    fn the_document_decides_one_kind_for_all_mentions() {
        assert_eq!(
            groups("Officials in Jordan spoke. Jordan said, and Jordan, who left, agreed."),
            [(strings(&["Jordan", "Jordan", "Jordan"]), Kind::Place)]
        );
    }
}
