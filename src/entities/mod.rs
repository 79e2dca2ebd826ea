//! Named entities: people, organizations, places and other proper names, grouped per entity.
//!
//! [`tagger`] is a trained sequence tagger (an averaged perceptron over BIO tags with the
//! [`features`] of each token); its model is embedded (`model.bin`, written by `newsmark
//! train-ner`). [`group`] then joins the mentions of one entity and lets all of them vote on its
//! kind; titles before a mention ("President", "Secretary of State") are kept on its entity.

mod acronyms;
mod address;
mod ages;
mod award_categories;
mod clubs;
mod coordination;
mod currencies;
mod datelines;
mod diseases;
mod drugs;
mod edges;
mod event_years;
mod evidence;
mod features;
mod group;
mod hyphen_places;
mod joins;
mod languages;
mod laws;
mod lexicon;
mod lone_names;
mod models;
mod month_surnames;
mod nationality_words;
mod numbered_parts;
mod numbered_places;
mod org_cues;
mod person_titles;
mod place_cues;
mod products;
mod repeats;
mod roads;
mod romanized;
mod score_lines;
mod ships;
mod storms;
pub mod tagger;
mod team_places;
mod term_acronyms;
mod ties;
mod vector_classes;
mod venues;
mod vessels;
mod web_names;
mod word_classes;
mod works;
mod zones;

use std::ops::Range;

use crate::text::{Document, TokenKind};
use crate::{Entity, Extent, Kind, Span};

use evidence::{weight, Evidence};
use group::{Group, Mention};
use lexicon::{fnv, fnv1, Lexicon, WordSet};
use tagger::{Found, Model};

pub use lexicon::Lexicon as EntityLexicon;

/// The embedded model, as `newsmark train-ner` writes it.
pub const MODEL: &[u8] = include_bytes!("model.bin");

/// Entity mentions (spans with `entity` set) and the entities they belong to.
#[derive(Clone, Debug, Default)]
pub struct EntityLayer {
    pub spans: Vec<Span>,
    pub entities: Vec<Entity>,
}

/// Finds entity mentions; holds the model and word lists, loaded once.
pub struct EntityRecognizer {
    lexicon: Lexicon,
    model: Option<Model>,
}

impl EntityRecognizer {
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {
            lexicon: Lexicon::new(),
            model: Model::load(MODEL),
        }
    }

    /// A recognizer with the model file `bytes` (as `newsmark train-ner` writes it) instead of
    /// the embedded one, for cross-validation; `None` when it is malformed.
    pub fn with_model(bytes: &[u8]) -> Option<EntityRecognizer> {
        Some(EntityRecognizer {
            lexicon: Lexicon::new(),
            model: Some(Model::load(bytes)?),
        })
    }

    /// Whether the embedded model loaded (it always does in a correct build).
    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }

    pub fn recognize(&self, document: &Document) -> EntityLayer {
        let Some(model) = &self.model else {
            return EntityLayer::default();
        };
        let wire = datelines::wire_copy(document, &self.lexicon);
        let mut found = model.tag(document, &self.lexicon, wire);
        joins::join(document, &self.lexicon, &mut found);
        hyphen_places::join(document, &self.lexicon, &mut found);
        romanized::mark(document, &self.lexicon, &mut found);
        edges::fix(document, &self.lexicon, &mut found);
        person_titles::trim(document, &self.lexicon, &mut found);
        products::mark(document, &self.lexicon, &mut found);
        products::add(document, &self.lexicon, &mut found);
        models::mark(document, &self.lexicon, &mut found);
        ships::mark(document, &self.lexicon, &mut found);
        roads::mark(document, &self.lexicon, &mut found);
        works::mark(document, &self.lexicon, &mut found);
        storms::add(document, &self.lexicon, &mut found);
        diseases::add(document, &self.lexicon, &mut found);
        org_cues::add(document, &self.lexicon, &mut found);
        place_cues::mark(document, &self.lexicon, &mut found);
        clubs::mark(document, &self.lexicon, &mut found);
        team_places::mark(document, &self.lexicon, wire, &mut found);
        score_lines::mark(document, &self.lexicon, &mut found);
        ties::mark(document, &mut found);
        datelines::mark(document, &self.lexicon, &mut found);
        venues::mark(document, &mut found);
        web_names::mark(document, &mut found);
        term_acronyms::drop(document, &mut found);
        acronyms::add(document, &mut found);
        address::drop(document, &self.lexicon, &mut found);
        let numbered = numbered_parts::before_numbers(document);
        numbered_parts::mark(document, &numbered, &mut found);
        numbered_places::mark(document, &numbered, &mut found);
        ages::mark(document, &self.lexicon, &mut found);
        currencies::drop(document, &mut found);
        repeats::add(document, &self.lexicon, &mut found);
        month_surnames::mark(document, &self.lexicon, &mut found);
        zones::drop_after_clocks(document, &mut found);
        nationality_words::mark(document, &self.lexicon, wire, &mut found);
        languages::add(document, &self.lexicon, &mut found);
        event_years::join(document, &self.lexicon, wire, &mut found);
        award_categories::extend(document, &self.lexicon, &mut found);
        let mentions: Vec<Mention> = found
            .iter()
            .filter_map(|f| mention(document, &self.lexicon, f))
            .collect();
        let mut groups = group::group(document, &self.lexicon, &mentions);
        datelines::separate(document, &self.lexicon, &mentions, &mut groups);
        venues::separate(document, &mentions, &mut groups);
        lone_names::mark(document, &self.lexicon, &mentions, &mut groups);
        layer(document, &self.lexicon, &mentions, &groups)
    }
}

impl Default for EntityRecognizer {
    fn default() -> EntityRecognizer {
        EntityRecognizer::new()
    }
}

/// A tagged name as a mention: punctuation at its edges and a possessive "’s" left out, unless
/// the name with it is a listed organization ("Moody's").
fn mention(doc: &Document, lexicon: &Lexicon, found: &Found) -> Option<Mention> {
    let mut range = found.tokens.clone();
    // Kept at the end: a bracket the name opened ("Mladost (BJ)"), a currency sign glued on ("C$").
    let keep = |start: usize, t: usize| match doc.token_text(t) {
        ")" => (start..t).any(|u| doc.token_text(u) == "("),
        "$" => t > start && doc.tokens[t - 1].end == doc.tokens[t].start,
        _ => false,
    };
    let trim = |start: usize, t: usize| {
        let text = doc.token_text(t);
        (doc.tokens[t].kind == TokenKind::Punct && !keep(start, t))
            || (is_possessive(text)
                && !listed_possessive(&lexicon.organization_lists(), doc, start..t + 1))
    };
    while range.start < range.end && trim(range.start, range.end - 1) {
        range.end -= 1;
    }
    while range.start < range.end
        && doc.tokens[range.start].kind == TokenKind::Punct
        && !web_names::opens_hashtag(doc, range.start)
    {
        range.start += 1;
    }
    if range.is_empty() {
        return None;
    }
    let key = lowercase_key(doc, range.clone());
    let mut evidence = Evidence::default();
    evidence.add(found.kind, weight::STRONG);
    Some(Mention {
        start: doc.tokens[range.start].start,
        end: edges::end_before_full_stop(doc, range.end - 1),
        tokens: range,
        key,
        evidence,
    })
}

/// The lowercased words of `tokens`, joined by single spaces, in one string (an ASCII word,
/// most are, lowercased in place).
fn lowercase_key(doc: &Document, tokens: Range<usize>) -> String {
    let mut key = String::new();
    for t in tokens.clone() {
        if t > tokens.start {
            key.push(' ');
        }
        let word = doc.token_text(t);
        if word.is_ascii() {
            let start = key.len();
            key.push_str(word);
            key[start..].make_ascii_lowercase();
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// Puts `names` (token ranges in text order, apart) into `found` (kept in text order) as names
/// of `kind`, in place of the names of `found` each overlaps.
fn put_in_place(found: &mut Vec<Found>, names: Vec<Range<usize>>, kind: Kind) {
    if names.is_empty() {
        return;
    }
    // Both lists are in text order: one merge-like walk drops the names a new one overlaps.
    let mut next = 0;
    found.retain(|name| {
        while next < names.len() && names[next].end <= name.tokens.start {
            next += 1;
        }
        !(next < names.len() && names[next].start < name.tokens.end)
    });
    found.extend(names.into_iter().map(|tokens| Found { tokens, kind }));
    found.sort_by_key(|name| name.tokens.start);
}

/// Puts `names` (token ranges in text order, apart) into `found` (kept in text order) as names
/// of `kind`, in place of the names inside them; a name of `found` that runs into one from
/// outside is cut at its edge ("EgyptAir" of "EgyptAir Boeing" stays when "Boeing 707" is put).
fn put_over(found: &mut Vec<Found>, names: Vec<Range<usize>>, kind: Kind) {
    let mut next = 0;
    for name in found.iter_mut() {
        while next < names.len() && names[next].end <= name.tokens.start {
            next += 1;
        }
        let Some(new) = names.get(next) else {
            break;
        };
        if new.start >= name.tokens.end {
            continue;
        }
        if name.tokens.start < new.start {
            name.tokens.end = new.start;
        } else if name.tokens.end > new.end {
            name.tokens.start = new.end;
        }
    }
    put_in_place(found, names, kind);
}

/// Adds to `found` (kept in text order) a one-word name of `kind` at each of `tokens` (in text
/// order) that no name of `found` covers and that `is_name` accepts: the names a form finds
/// where the tagger left them out.
fn add_left_out(
    found: &mut Vec<Found>,
    tokens: impl Iterator<Item = usize>,
    kind: Kind,
    is_name: impl Fn(usize) -> bool,
) {
    add_left_out_as(found, tokens, |t| is_name(t).then_some(kind));
}

/// Adds to `found` (kept in text order) a one-word name at each of `tokens` (in text order) that
/// no name of `found` covers and to which `kind_of` (asked in text order) gives a kind.
fn add_left_out_as(
    found: &mut Vec<Found>,
    tokens: impl Iterator<Item = usize>,
    mut kind_of: impl FnMut(usize) -> Option<Kind>,
) {
    let mut added = Vec::new();
    let mut next = 0;
    for t in tokens {
        while next < found.len() && found[next].tokens.end <= t {
            next += 1;
        }
        let named = next < found.len() && found[next].tokens.start <= t;
        if let Some(kind) = (!named).then(|| kind_of(t)).flatten() {
            added.push(Found {
                tokens: t..t + 1,
                kind,
            });
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| f.tokens.start);
    }
}

/// Whether the words of `tokens`, as [`lowercase_key`] writes them, are an entry of one of
/// `lists`. Most such lookups miss, so an ASCII phrase (most are) is first hashed as the lists
/// hash their entries, and written out only when a list holds that hash.
fn listed(lists: &[&WordSet], doc: &Document, tokens: Range<usize>) -> bool {
    let hash = ascii_key_hash(doc, tokens.clone());
    if hash.is_some_and(|h| !lists.iter().any(|list| list.may_contain(h))) {
        return false;
    }
    let key = lowercase_key(doc, tokens);
    lists.iter().any(|list| list.contains(&key))
}

/// Whether `tokens` are a name and its possessive "'s" that a list holds as one word: "Moody's",
/// "Sainsbury's", "McDonald's" (a company's name, where "Ronald McDonald's" is a person's
/// possessive).
fn listed_possessive(lists: &[&WordSet], doc: &Document, tokens: Range<usize>) -> bool {
    if tokens.len() < 2 || !is_possessive(doc.token_text(tokens.end - 1)) {
        return false;
    }
    let mut key = lowercase_key(doc, tokens.start..tokens.end - 1);
    let stem = key.len();
    ["'s", "\u{2019}s"].iter().any(|s| {
        key.truncate(stem);
        key.push_str(s);
        lists.iter().any(|list| list.contains(&key))
    })
}

/// Whether `word` is a possessive ending split off its name ("'s", "’s").
fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
}

/// [`listed`], or listed without the full stops that end an abbreviation ("Gen." as "Gen").
fn listed_abbreviated(lists: &[&WordSet], doc: &Document, tokens: Range<usize>) -> bool {
    let abbreviated = || {
        doc.token_text(tokens.end - 1).ends_with('.') && {
            let key = lowercase_key(doc, tokens.clone());
            let bare = key.trim_end_matches('.');
            lists.iter().any(|list| list.contains(bare))
        }
    };
    listed(lists, doc, tokens.clone()) || abbreviated()
}

/// The [`fnv`] hash of [`lowercase_key`]`(doc, tokens)` without writing it out; `None` when a
/// word is not ASCII (its lowercase is left to [`lowercase_key`]). The ASCII case of the
/// features' `fnv_lower`, written out here: through that call the entity bench ran 10 M
/// instructions more (cachegrind).
fn ascii_key_hash(doc: &Document, tokens: Range<usize>) -> Option<u64> {
    let mut hash = fnv(None);
    for t in tokens.clone() {
        let word = doc.token_text(t);
        if !word.is_ascii() {
            return None;
        }
        if t > tokens.start {
            hash = fnv1(hash, b' ');
        }
        hash = word
            .bytes()
            .fold(hash, |h, b| fnv1(h, b.to_ascii_lowercase()));
    }
    Some(hash)
}

/// The title written right before a mention ("President", "Secretary of State", "Rep."), if any.
fn title_before(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<String> {
    let first = mention.tokens.start;
    // Every title ends right before the name: most words there end none.
    if first == 0 || !lexicon.may_end_title(doc.token_text(first - 1)) {
        return None;
    }
    let longest = lexicon.titles.longest().min(first);
    for len in (1..=longest).rev() {
        let range = first - len..first;
        if range
            .clone()
            .any(|t| doc.tokens[t].kind == TokenKind::Punct)
        {
            continue;
        }
        if doc.line_break_between(range.start, first) {
            continue;
        }
        if listed_abbreviated(&lexicon.all_titles(), doc, range.clone()) {
            return Some(
                doc.text[doc.tokens[range.start].start..doc.tokens[first - 1].end].to_string(),
            );
        }
    }
    None
}

/// Builds the public result: groups are already in order of first mention, so a group's index
/// is its entity id.
fn layer(
    document: &Document,
    lexicon: &Lexicon,
    mentions: &[Mention],
    groups: &[Group],
) -> EntityLayer {
    let mut spans = Vec::with_capacity(mentions.len());
    let mut entities = Vec::with_capacity(groups.len());
    for (id, group) in groups.iter().enumerate() {
        let kind = group.kind();
        for &m in &group.mentions {
            let mut span = Span::new(document.text, mentions[m].start, mentions[m].end, kind);
            span.entity = Some(id);
            spans.push(span);
        }
        let mut titles: Vec<String> = Vec::new();
        for &m in &group.mentions {
            if let Some(title) = title_before(document, lexicon, &mentions[m]) {
                if !titles.contains(&title) {
                    titles.push(title);
                }
            }
        }
        entities.push(Entity {
            id,
            kind,
            titles,
            name: longest_name(document, mentions, group),
            mentions: group
                .mentions
                .iter()
                .map(|&m| Extent {
                    start: mentions[m].start,
                    end: mentions[m].end,
                })
                .collect(),
        });
    }
    spans.sort_by_key(|span| span.start);
    EntityLayer { spans, entities }
}

/// The longest name the text uses for the entity (the first of equals).
fn longest_name(document: &Document, mentions: &[Mention], group: &Group) -> String {
    let texts = group
        .mentions
        .iter()
        .map(|&m| &document.text[mentions[m].start..mentions[m].end]);
    texts
        .rev()
        .max_by_key(|text| text.chars().count())
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    /// The project's sample article (a copy, so the tests need nothing outside the crate).
    const SAMPLE: &str = include_str!("../../www/sample.txt");

    fn entity<'a>(layer: &'a EntityLayer, name: &str) -> &'a Entity {
        layer
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?}"))
    }

    #[test]
    fn embedded_model_loads() {
        let model = Model::load(MODEL).expect("the embedded model loads");
        assert_eq!(model.bits(), 18);
        assert!(EntityRecognizer::new().has_model());
    }

    #[test]
    fn sample_people_and_places_are_all_found() {
        let doc = Document::new(SAMPLE);
        let layer = EntityRecognizer::new().recognize(&doc);
        let people = [
            "Trump",
            "Vladimir Putin",
            "Marco Rubio",
            "Karoline Leavitt",
            "Volodymyr Zelenskyy",
            "Narendra Modi",
            "Tom Suozzi",
            "Michael McCaul",
        ];
        let places = [
            "Budapest",
            "Ukraine",
            "Kyiv",
            "Gaza",
            "Middle East",
            "Russia",
            "India",
            "Moscow",
            "Alaska",
            "U.S.",
        ];
        for name in people {
            assert_eq!(entity(&layer, name).kind, Kind::Person, "{name}");
        }
        for name in places {
            assert_eq!(entity(&layer, name).kind, Kind::Place, "{name}");
        }
        // The sample has no dateline: as GUM marks text of every genre, and unlike wire copy,
        // a nationality adjective is not a name there.
        for name in ["Russian", "Ukrainian"] {
            assert!(layer.entities.iter().all(|e| e.name != name), "{name}");
        }
        for name in [
            "Tomahawk",
            "Patriot",
            "Advanced Precision Kill Weapons Systems",
        ] {
            assert_eq!(entity(&layer, name).kind, Kind::Misc, "{name}");
        }
        let putin = entity(&layer, "Vladimir Putin");
        let texts: Vec<&str> = putin
            .mentions
            .iter()
            .map(|m| &SAMPLE[m.start..m.end])
            .collect();
        assert_eq!(
            texts,
            [
                "Putin",
                "Vladimir Putin",
                "Putin",
                "Putin",
                "Putin",
                "Putin"
            ]
        );
        assert_eq!(entity(&layer, "Trump").mentions.len(), 11);
        assert!(entity(&layer, "Trump")
            .titles
            .contains(&"President".to_string()));
        assert_eq!(entity(&layer, "Marco Rubio").titles, ["Secretary of State"]);
    }

    #[test]
    fn titles_and_possessives_stay_outside() {
        let text = "President Trump’s plan was praised by Sen. Jane Smith. Trump's aides agreed.";
        let doc = Document::new(text);
        let layer = EntityRecognizer::new().recognize(&doc);
        let texts: Vec<&str> = layer.spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Trump", "Jane Smith", "Trump"]);
        assert_eq!(layer.entities[0].titles, ["President"]);
        assert_eq!(layer.entities[0].mentions.len(), 2);
        assert_eq!(layer.entities[1].titles, ["Sen."]);
    }

    #[test]
    fn titles_the_tagger_does_not_read_are_kept_too() {
        // "Justice" is in person_titles.txt, not titles.txt: trimmed off the name and kept.
        let text = "The ruling was written by Justice Amelia Brantley. Brantley retired in May.";
        let doc = Document::new(text);
        let layer = EntityRecognizer::new().recognize(&doc);
        let brantley = entity(&layer, "Amelia Brantley");
        assert_eq!(brantley.titles, ["Justice"]);
        assert_eq!(brantley.mentions.len(), 2);
    }

    #[test]
    fn ids_follow_first_mention_and_spans_match_mentions() {
        let doc = Document::new(SAMPLE);
        let layer = EntityRecognizer::new().recognize(&doc);
        for (id, entity) in layer.entities.iter().enumerate() {
            assert_eq!(entity.id, id);
        }
        let firsts: Vec<usize> = layer.entities.iter().map(|e| e.mentions[0].start).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        assert!(layer.spans.windows(2).all(|w| w[0].end <= w[1].start));
        let mention_count: usize = layer.entities.iter().map(|e| e.mentions.len()).sum();
        assert_eq!(layer.spans.len(), mention_count);
        for span in &layer.spans {
            let entity = &layer.entities[span.entity.unwrap()];
            assert_eq!(span.kind, entity.kind);
            assert!(entity.mentions.contains(&Extent {
                start: span.start,
                end: span.end
            }));
        }
        assert_eq!(layer.spans[0].text, "Trump");
        assert_eq!(layer.spans[0].entity, Some(0));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let recognizer = EntityRecognizer::new();
        let long = "Alpha Beta of the Gamma and Delta & ".repeat(2_000);
        let inputs = [
            "",
            " \r\n ",
            "😀 Ünïcode Ökonom 😀",
            "A\r\nB\r\nC",
            "of the and de",
            "NATO (",
            "( NATO )",
            "’s",
            "'s ’s )",
            "$ C$ (Z) ) (",
            ".",
            "A",
            "Ü",
            "\u{200d}\u{301}",
            "Mr.",
            long.as_str(),
        ];
        for input in inputs {
            let layer = recognizer.recognize(&Document::new(input));
            assert!(layer.spans.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
