//! Groups mentions into entities: identical names; a surname after the full name of a person
//! ("Vladimir Putin" … "Putin"); a company's short name and its full name with a legal form
//! ("Kestrova AG" … "Kestrova"); an acronym in parentheses after a name ("… Organization
//! (NATO)") ([`joins`]). Then each entity's kind is decided from the votes of all its mentions,
//! and the cues of their contexts ([`cues`]).

use std::ops::Range;

mod cues;
mod joins;

use super::evidence::{weight, Evidence};
use super::lexicon::Lexicon;
use crate::text::{Document, FastMap};
use crate::Kind;
use cues::{cue_votes, vote_coordinated, Entities};
pub use joins::FORMS;
use joins::{
    join_acronyms, join_identical, join_short_names, join_surnames, surnames_of_named_people,
};

/// One name mention, before grouping into entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    /// Lowercased words joined by single spaces: identical names share a key.
    pub key: String,
    pub evidence: Evidence,
}

impl Mention {
    pub fn word_count(&self) -> usize {
        self.key.split(' ').count()
    }

    pub fn last_word(&self) -> &str {
        self.key.rsplit(' ').next().unwrap_or("")
    }
}

#[cfg(test)]
impl Mention {
    /// The mention of `name` at the first place `doc` writes it, with no votes (for the cue
    /// rules' tests).
    pub fn first_place(doc: &Document, name: &str) -> Mention {
        let start = doc.text.find(name).unwrap();
        Mention {
            tokens: doc.token_at_or_after(start)..doc.token_at_or_after(start + name.len()),
            start,
            end: start + name.len(),
            key: name.to_lowercase(),
            evidence: Evidence::default(),
        }
    }

    /// Whether `cue` casts a vote for the mention of `name` at the first place `text` writes it
    /// (for the cue rules' tests).
    pub fn cued_by(
        text: &str,
        name: &str,
        cue: impl Fn(&Document, &Lexicon, &Mention) -> Option<u32>,
    ) -> bool {
        let doc = Document::new(text);
        cue(&doc, &Lexicon::new(), &Mention::first_place(&doc, name)).is_some()
    }
}

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
pub fn group(doc: &Document, lexicon: &Lexicon, mentions: &[Mention]) -> Vec<Group> {
    let mut sets = Sets::new(mentions.len());
    let mut vote = vec![None; mentions.len()];
    join_identical(mentions, &mut sets);
    join_acronyms(doc, mentions, &mut sets);
    join_surnames(mentions, &mut sets, &mut vote);
    join_short_names(mentions, lexicon, &mut sets, &mut vote);
    let surnames = surnames_of_named_people(doc, mentions, &mut sets, &vote);
    let entity_votes = entity_votes(mentions, &mut sets);
    let one_word = one_word_entities(mentions, &mut sets);
    let entities = Entities {
        votes: &entity_votes,
        surnames: &surnames,
        one_word: &one_word,
    };
    let mut decisive = cue_votes(doc, lexicon, mentions, &entities);
    vote_coordinated(doc, lexicon, mentions, &entity_votes, &vote, &mut decisive);
    collect(mentions, &mut sets, &vote, &decisive)
}

/// The tagger's votes of each mention's entity as the sets stand, indexed by mention.
fn entity_votes(mentions: &[Mention], sets: &mut Sets) -> Vec<Evidence> {
    let votes = summed_votes(mentions, sets);
    (0..mentions.len()).map(|i| votes[sets.find(i)]).collect()
}

/// Whether each mention's entity, as the sets stand, has only one-word mentions.
fn one_word_entities(mentions: &[Mention], sets: &mut Sets) -> Vec<bool> {
    let mut longest = vec![0; mentions.len()];
    for (i, mention) in mentions.iter().enumerate() {
        let root = sets.find(i);
        longest[root] = mention.word_count().max(longest[root]);
    }
    (0..mentions.len())
        .map(|i| longest[sets.find(i)] == 1)
        .collect()
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

/// The entities of the joined sets; a mention with a `vote` of its own (a surname, a short name)
/// votes that instead of the tagger's reading, and one with a `decisive` clue votes that kind
/// with its weight.
fn collect(
    mentions: &[Mention],
    sets: &mut Sets,
    vote: &[Option<Kind>],
    decisive: &[Option<(Kind, u32)>],
) -> Vec<Group> {
    let mut index_of_root: FastMap<usize, usize> = FastMap::default();
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
        if let Some((kind, weight)) = decisive[i] {
            group.evidence.add(kind, weight);
        } else if let Some(kind) = vote[i] {
            group.evidence.add(kind, weight::STRONG);
        } else {
            group.evidence.merge(&mention.evidence);
        }
        group.words = group.words.max(mention.word_count());
    }
    groups
}

/// Takes each mention that `apart` picks (given its entity) out of its entity into an entity of
/// its own with its own votes, which leave the entity it was in; `groups` stay in order of
/// first mention. For mentions whose place in the text decides their kind alone (a dateline, a
/// game's venue), whatever the same words are elsewhere.
pub fn separate(
    mentions: &[Mention],
    groups: &mut Vec<Group>,
    apart: impl Fn(&Group, usize) -> bool,
) {
    let mut alone = Vec::new();
    for group in groups.iter_mut() {
        let (leave, stay): (Vec<usize>, Vec<usize>) =
            group.mentions.iter().partition(|&&m| apart(group, m));
        if leave.is_empty() {
            continue;
        }
        for &m in &leave {
            group.evidence.remove(&mentions[m].evidence);
        }
        group.mentions = stay;
        group.words = (group.mentions.iter())
            .map(|&m| mentions[m].word_count())
            .max()
            .unwrap_or(0);
        alone.extend(leave);
    }
    groups.retain(|g| !g.mentions.is_empty());
    groups.extend(alone.into_iter().map(|m| Group {
        mentions: vec![m],
        evidence: mentions[m].evidence,
        words: mentions[m].word_count(),
    }));
    groups.sort_by_key(|g| g.mentions[0]);
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
    use super::super::EntityRecognizer;
    use super::*;

    /// The entities of `text` as (mention texts, kind).
    fn groups(text: &str) -> Vec<(Vec<String>, Kind)> {
        let doc = Document::new(text);
        let layer = EntityRecognizer::new().recognize(&doc);
        layer
            .entities
            .iter()
            .map(|e| {
                let texts = e
                    .mentions
                    .iter()
                    .map(|m| text[m.start..m.end].to_string())
                    .collect();
                (texts, e.kind)
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
    fn short_name_joins_the_company_named_with_its_legal_form() {
        let groups = groups("Analysts said Vantorell had raised its forecast. Vantorell Inc rose.");
        assert_eq!(
            groups,
            [(strings(&["Vantorell", "Vantorell Inc"]), Kind::Organization)]
        );
    }

    #[test]
    fn identical_names_join_across_case() {
        let groups = groups("PUTIN IN BUDAPEST\nThey met in Budapest.");
        assert!(
            groups.contains(&(strings(&["BUDAPEST", "Budapest"]), Kind::Place)),
            "{groups:?}"
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

    /// A mention at each place `doc` writes each of `names` as whole words, in text order, the
    /// longest where two overlap, each read by the tagger as a person's.
    fn read_as_persons(doc: &Document, names: &[&str]) -> Vec<Mention> {
        let word_edge = |c: Option<char>| !c.is_some_and(char::is_alphabetic);
        let mut mentions: Vec<Mention> = (names.iter())
            .flat_map(|name| doc.text.match_indices(name))
            .filter(|&(at, name)| {
                word_edge(doc.text[..at].chars().next_back())
                    && word_edge(doc.text[at + name.len()..].chars().next())
            })
            .map(|(start, name)| {
                let end = start + name.len();
                let mut evidence = Evidence::default();
                evidence.add(Kind::Person, weight::STRONG);
                Mention {
                    tokens: doc.token_at_or_after(start)..doc.token_at_or_after(end),
                    start,
                    end,
                    key: name.to_lowercase(),
                    evidence,
                }
            })
            .collect();
        mentions.sort_by_key(|m| (m.start, usize::MAX - m.end));
        let mut end = 0;
        mentions.retain(|m| {
            let free = m.start >= end;
            end = end.max(m.end);
            free
        });
        mentions
    }

    /// The kind of each entity of `names` (read as persons' everywhere) in `text`.
    fn kinds(text: &str, names: &[&str]) -> Vec<Kind> {
        let doc = Document::new(text);
        let mentions = read_as_persons(&doc, names);
        let groups = group(&doc, &Lexicon::new(), &mentions);
        groups.iter().map(Group::kind).collect()
    }

    #[test]
    fn a_place_cue_decides_a_one_word_name_read_as_a_persons_everywhere() {
        let guide = "Tavrelo is a quiet spot. Tavrelo grew. Tavrelo prospered. Tavrelo was \
                     registered. Tavrelo thrived. The first inhabitants of Tavrelo were fishers.";
        assert_eq!(kinds(guide, &["Tavrelo"]), [Kind::Place]);
        // A name the text also writes longer keeps the readings' kind: "Ana Tavrelo" is a
        // person, whose surname stands alone after it.
        let story = format!("{guide} Ana Tavrelo said so.");
        assert_eq!(kinds(&story, &["Ana Tavrelo", "Tavrelo"]), [Kind::Person]);
    }

    #[test]
    fn the_document_decides_one_kind_for_all_mentions() {
        let groups =
            groups("Officials in Jordan spoke. Jordan said, and Jordan, who left, agreed.");
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].0.len(), 3);
    }
}
