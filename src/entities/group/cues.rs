//! The votes that a mention's context casts for its entity's kind: a disease's name, a medicine's
//! or a vessel's noun, a place's or an organization's cue, "in" before it, a storm's word, and the
//! kind of a name "and" joins it to.

use super::super::coordination;
use super::super::diseases;
use super::super::drugs;
use super::super::evidence::{weight, Evidence};
use super::super::laws;
use super::super::lexicon::Lexicon;
use super::super::org_cues;
use super::super::place_cues;
use super::super::storms;
use super::super::vessels;
use super::{decide, Mention};
use crate::text::Document;
use crate::Kind;

/// What each mention's entity is as the joins leave it, indexed by mention.
pub(super) struct Entities<'a> {
    /// The tagger's votes of all its mentions.
    pub(super) votes: &'a [Evidence],
    /// Whether this mention is the surname of a person the text names in full.
    pub(super) surnames: &'a [bool],
    /// Whether every mention is one word.
    pub(super) one_word: &'a [bool],
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

/// The vote each mention's context casts for its kind, if any ([`diseases`], [`drugs`],
/// [`vessels`], [`place_cues`], [`org_cues`], [`storms`]), the first that speaks in that order,
/// with "in" (and a word for going somewhere and "to") after the organization's cues ("a stake in
/// Kadrell"), then a plural place noun after it ("Perry counties"). A surname of a person named in
/// full casts no organization's or medicine's vote, nor a place's for "in" before it or a place
/// noun after it; and "in" casts a place's vote only where the tagger read the
/// entity as a person's at least as often as an organization's ("In Milwaukee, …" of a baseball
/// report whose team is Milwaukee keeps it an organization). A place's cue weighs as
/// [`Entities::place_weight`] says. A vessel's noun casts its vote before a surname too: ships are
/// named after people ("the aircraft carrier Carl Vinson" … "the carriers Vinson and Enterprise").
pub(super) fn cue_votes(
    doc: &Document,
    lexicon: &Lexicon,
    mentions: &[Mention],
    entities: &Entities,
) -> Vec<Option<(Kind, u32)>> {
    (0..mentions.len())
        .map(|i| {
            let m = &mentions[i];
            // Not the surname of a person named in full: its join's person vote stands.
            let free = !entities.surnames[i];
            let place = || place_cues::place_cue(doc, lexicon, m);
            let org = || free.then(|| org_cues::org_cue(doc, lexicon, m)).flatten();
            let after_in = || {
                (entities.person_read(i))
                    .then(|| place_cues::in_cue(doc, lexicon, m))
                    .flatten()
            };
            let plural = || {
                free.then(|| place_cues::plural_cue(doc, lexicon, m))
                    .flatten()
            };
            let storm = || storms::storm_cue(doc, lexicon, m);
            let drug = || free.then(|| drugs::drug_cue(doc, lexicon, m)).flatten();
            let vessel = || vessels::vessel_cue(doc, lexicon, m);
            let place_vote = |w| (Kind::Place, entities.place_weight(i, w));
            (diseases::disease_cue(lexicon, m).map(|w| (Kind::Misc, w)))
                .or_else(|| laws::law_cue(doc, lexicon, m).map(|w| (Kind::Misc, w)))
                .or_else(|| drug().map(|w| (Kind::Misc, w)))
                .or_else(|| vessel().map(|w| (Kind::Misc, w)))
                .or_else(|| place().map(place_vote))
                .or_else(|| org().map(|w| (Kind::Organization, w)))
                .or_else(|| after_in().map(place_vote))
                .or_else(|| plural().map(place_vote))
                .or_else(|| storm().map(|w| (Kind::Misc, w)))
        })
        .collect()
}

/// A vote for the kind of the name that "and" joins each one-word name read as a person's to,
/// an organization or a place ([`coordination`]), where no other clue or join has spoken (a
/// surname of a person named in full has its join's vote). It weighs as one mention's reading:
/// it decides a name mentioned once, and other mentions read as a person's outweigh it.
pub(super) fn vote_coordinated(
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
