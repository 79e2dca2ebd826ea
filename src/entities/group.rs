//! Groups mentions into entities: identical names; a surname after the full name of a person
//! ("Vladimir Putin" … "Putin"); a company's short name and its full name with a legal form
//! ("Kestrova AG" … "Kestrova"); an acronym in parentheses after a name ("… Organization
//! (NATO)"). Then each entity's kind is decided from the votes of all its mentions.

use std::ops::Range;

use super::coordination;
use super::diseases;
use super::evidence::{weight, Evidence};
use super::lexicon::Lexicon;
use super::org_cues;
use super::place_cues;
use super::storms;
use crate::text::{Document, FastMap, FastSet};
use crate::Kind;

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

/// What each mention's entity is as the joins leave it, indexed by mention.
struct Entities<'a> {
    /// The tagger's votes of all its mentions.
    votes: &'a [Evidence],
    /// Whether this mention is the surname of a person the text names in full.
    surnames: &'a [bool],
    /// Whether every mention is one word.
    one_word: &'a [bool],
}

impl Entities<'_> {
    /// Whether mention `i` may be a place the tagger took for a person: no surname of a person
    /// named in full, and an entity read as a person's at least as often as an organization's.
    fn person_read(&self, i: usize) -> bool {
        let votes = &self.votes[i];
        !self.surnames[i] && votes.get(Kind::Person) >= votes.get(Kind::Organization)
    }

    /// The weight of a place's cue at mention `i`: a cue that decides against a few other
    /// readings ([`weight::DECISIVE`]) decides against all of them ([`weight::DEFINED`]) for a
    /// one-word name read as a person's that the text never writes longer. A person the text
    /// names once in full has a surname; a place's name seldom is anything else, and a travel
    /// guide writes its town's alone dozens of times ("the first inhabitants of Coron" against
    /// seventeen "Coron" the tagger read as a person's).
    fn place_weight(&self, i: usize, weight: u32) -> u32 {
        match weight == weight::DECISIVE && self.one_word[i] && self.person_read(i) {
            true => weight::DEFINED,
            false => weight,
        }
    }
}

/// The vote each mention's context casts for its kind, if any ([`diseases`], [`place_cues`],
/// [`org_cues`], [`storms`]), the first that speaks in that order, with "in" (and a word for going
/// somewhere and "to") after the organization's cues ("a stake in Kadrell"). A surname of a person
/// named in full casts no organization's vote, nor a place's for "in" before it; and "in" casts a
/// place's vote only where the tagger read the entity as a person's at least as often as an
/// organization's ("In Milwaukee, …" of a baseball report whose team is Milwaukee keeps it an
/// organization). A place's cue weighs as [`Entities::place_weight`] says.
fn cue_votes(
    doc: &Document,
    lexicon: &Lexicon,
    mentions: &[Mention],
    entities: &Entities,
) -> Vec<Option<(Kind, u32)>> {
    (0..mentions.len())
        .map(|i| {
            let m = &mentions[i];
            let place = || place_cues::place_cue(doc, lexicon, m);
            let org = || match entities.surnames[i] {
                true => None,
                false => org_cues::org_cue(doc, lexicon, m),
            };
            let after_in = || {
                (entities.person_read(i))
                    .then(|| place_cues::in_cue(doc, lexicon, m))
                    .flatten()
            };
            let storm = || storms::storm_cue(doc, lexicon, m);
            let place_vote = |w| (Kind::Place, entities.place_weight(i, w));
            (diseases::disease_cue(lexicon, m).map(|w| (Kind::Misc, w)))
                .or_else(|| place().map(place_vote))
                .or_else(|| org().map(|w| (Kind::Organization, w)))
                .or_else(|| after_in().map(place_vote))
                .or_else(|| storm().map(|w| (Kind::Misc, w)))
        })
        .collect()
}

/// A vote for the kind of the name that "and" joins each one-word name read as a person's to,
/// an organization or a place ([`coordination`]), where no other clue or join has spoken (a
/// surname of a person named in full has its join's vote). It weighs as one mention's reading:
/// it decides a name mentioned once, and other mentions read as a person's outweigh it.
fn vote_coordinated(
    doc: &Document,
    lexicon: &Lexicon,
    mentions: &[Mention],
    entity_votes: &[Evidence],
    vote: &[Option<Kind>],
    decisive: &mut [Option<(Kind, u32)>],
) {
    let kind_of = |j: usize| match (decisive[j], vote[j]) {
        (Some((kind, _)), _) | (None, Some(kind)) => kind,
        (None, None) => decide(&entity_votes[j], mentions[j].word_count()),
    };
    let coordinated: Vec<Option<Kind>> = (0..mentions.len())
        .map(|i| {
            let open = decisive[i].is_none() && vote[i].is_none();
            open.then(|| coordination::coordinated_kind(doc, lexicon, mentions, i, kind_of))
                .flatten()
        })
        .collect();
    for (slot, kind) in decisive.iter_mut().zip(coordinated) {
        if let Some(kind) = kind {
            *slot = Some((kind, weight::STRONG));
        }
    }
}

fn join_identical(mentions: &[Mention], sets: &mut Sets) {
    let mut first: FastMap<&str, usize> = FastMap::default();
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
/// nearest full name before it, else the first in the text) and votes for a person: the tagger
/// often reads a lone surname it has never seen as an organization or a place.
fn join_surnames(mentions: &[Mention], sets: &mut Sets, vote: &mut [Option<Kind>]) {
    let votes = summed_votes(mentions, sets);
    let kind_of =
        |sets: &mut Sets, i: usize| decide(&votes[sets.find(i)], mentions[i].word_count());
    let mut full_names: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        if mention.word_count() > 1 && kind_of(sets, i) == Kind::Person {
            full_names.entry(mention.last_word()).or_default().push(i);
        }
    }
    for (i, mention) in mentions.iter().enumerate() {
        let Some(candidates) = full_names.get(mention.key.as_str()) else {
            continue;
        };
        // Candidates are in text order: the last one before `i`, by binary search.
        let before = candidates.partition_point(|&c| c < i);
        let nearest = candidates[before.saturating_sub(1)];
        sets.union(nearest, i);
        vote[i] = Some(Kind::Person);
    }
}

/// Whether each mention is the surname of a person named in full with a first word in mixed
/// case ([`join_surnames`]): such a surname keeps its person vote against an organization's noun
/// before it, which is then the clause's ("Elon Musk" … "the company Musk bought"). A first
/// word in capitals names no person ("RJR Nabisco" … "snack giant Nabisco").
fn surnames_of_named_people(
    doc: &Document,
    mentions: &[Mention],
    sets: &mut Sets,
    vote: &[Option<Kind>],
) -> Vec<bool> {
    let mut named = FastSet::default();
    for (i, mention) in mentions.iter().enumerate() {
        let first = doc.token_text(mention.tokens.start);
        if mention.word_count() > 1 && first.chars().any(char::is_lowercase) {
            named.insert(sets.find(i));
        }
    }
    (0..mentions.len())
        .map(|i| vote[i] == Some(Kind::Person) && named.contains(&sets.find(i)))
        .collect()
}

/// A mention equal to an organization's name without its trailing legal forms ("Kestrova" after
/// or before "Kestrova AG", "Magna" and "Magna International Inc") joins that organization and
/// votes for it: the tagger often reads a company's short name it has never seen as a person's.
/// A short name that is a listed country, place, nationality, given name or title is left
/// alone ("Islamic" of "Islamic Group", "China" of "China International", "Tokyo" of "Tokyo
/// Electric Power Co").
fn join_short_names(
    mentions: &[Mention],
    lexicon: &Lexicon,
    sets: &mut Sets,
    vote: &mut [Option<Kind>],
) {
    let votes = summed_votes(mentions, sets);
    let mut full_names: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        let organization = mention.word_count() > 1
            && decide(&votes[sets.find(i)], mention.word_count()) == Kind::Organization;
        if organization {
            for short in short_names(&mention.key, &lexicon.legal_forms) {
                let listed = [
                    &lexicon.geo_regions,
                    &lexicon.geo_cities,
                    &lexicon.places,
                    &lexicon.nationalities,
                    &lexicon.given_names,
                    &lexicon.titles,
                ]
                .iter()
                .any(|list| list.contains(short));
                if !listed {
                    full_names.entry(short).or_default().push(i);
                }
            }
        }
    }
    for (i, mention) in mentions.iter().enumerate() {
        let Some(candidates) = full_names.get(mention.key.as_str()) else {
            continue;
        };
        if vote[i].is_none() {
            let before = candidates.partition_point(|&c| c < i);
            sets.union(candidates[before.saturating_sub(1)], i);
            vote[i] = Some(Kind::Organization);
        }
    }
}

/// The shorter names of the name `key` (lowercase words) that leave out one to [`FORMS`] legal
/// forms at its end, and then, of a longer name, its first word alone: "magna international inc"
/// gives "magna international" and "magna", "niugini mining ltd" gives "niugini mining" and
/// "niugini" (a company's story calls it by its first word: "Niugini shares surged"). The first
/// word, measured by cross-validation without silver data (seeds 1-3, every seed higher): CoNLL
/// with GUM 0.9082 → 0.9093, GUM unchanged (0.6894); with the silver data and the model
/// retrained on it, GUM (seeds 1-5) 0.6931 (sd 0.0006), CoNLL (seeds 1-3) 0.9105 (sd 0.0001).
fn short_names<'k>(key: &'k str, legal_forms: &super::lexicon::WordSet) -> Vec<&'k str> {
    let mut shorts = Vec::new();
    let mut rest = key;
    while shorts.len() < FORMS {
        match rest.rsplit_once(' ') {
            Some((short, last)) if legal_forms.contains(last) => {
                rest = short;
                shorts.push(short);
            }
            _ => break,
        }
    }
    if let Some((first, _)) = rest.split_once(' ').filter(|_| !shorts.is_empty()) {
        shorts.push(first);
    }
    shorts
}

/// The most legal forms a company's full name ends with ("Magna International Inc"): a name
/// running on over more is no company's, and each short name is hashed, so the count stays small.
pub const FORMS: usize = 3;

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
    fn short_names_leave_out_only_legal_forms() {
        let lexicon = Lexicon::new();
        let shorts = |key: &'static str| short_names(key, &lexicon.legal_forms);
        assert_eq!(
            shorts("magna international inc"),
            ["magna international", "magna"]
        );
        assert_eq!(shorts("niugini mining ltd"), ["niugini mining", "niugini"]);
        assert_eq!(shorts("ohio state"), Vec::<&str>::new());
        assert_eq!(shorts("inc"), Vec::<&str>::new());
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
