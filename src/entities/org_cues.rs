//! Organizations the tagger reads as persons or places, by the noun the text puts to them. A name
//! right after a lowercase noun for an organization ("German retailer Promodes", "private bank
//! Bamerindus", "the daily Izvestia") is one, and so is a name after a noun for a firm's staff and
//! "at" ("analysts at Bernstein", `staff_nouns.txt`), a name after words for a company bought,
//! invested in or owned ("agreed to buy Hess", "a stake in Zenith", "Shares of Novo Nordisk",
//! `deal_phrases.txt`), a name whose shares move ("Gazprom shares rose", `share_moves.txt`), a name
//! before a newspaper's or news agency's noun ("Belga news agency reported", `media_nouns.txt`); so
//! is a name the sentence says is one ("Zenith is a struggling electronics company") or that an
//! apposition calls one ("Bamerindus, Brazil's fourth-largest private bank,"), and so is a name
//! that ends in a word for an industry ("Hanwha Aerospace", "General Dynamics",
//! `industry_words.txt`). Such a vote outweighs the tagger's readings of all the other mentions, as
//! a place's definition does (`place_cues.rs`): the tagger calls an unknown one-word company a
//! person's at every mention of a Reuters story ("Promodes", "Gazprom"), the complaint "companies
//! become people". The nouns are `org_cues.txt`, plurals too ("discounters Aldi and Lidl"). A noun
//! before a person's surname opens a clause instead ("the company Musk bought" after "Elon Musk"):
//! `group/joins.rs` keeps such a surname's person vote.
//!
//! Measured by cross-validation without silver data (seeds 1-3, every seed higher): GUM 0.6884
//! → 0.6894, CoNLL-2003 with GUM 0.9074 → 0.9082. With the embedded model's training, whose
//! silver sentences the rule changes (10,448 → 10,467), GUM (seeds 1-5) 0.6931 (sd 0.0013) →
//! 0.6922 (sd 0.0020), one draw of the model within the spread of another; conll_dev 0.931 →
//! 0.933, gum_news_dev 0.710 → 0.716 (the next draw, with a company's first word joining it in
//! `group/joins.rs`: 0.931 and 0.710, and GUM 0.6931, CoNLL 0.9105). A name written as the web
//! writes it is left out: in a first try, "wikiHow, the company," made all 20 mentions of the
//! site (GUM: misc) organizations.

use super::edges::is_lead_noun;
use super::evidence::weight;
use super::group::Mention;
use super::lexicon::{fnv, Lexicon, WordSet};
use super::place_cues::{noun_phrase_with, said_to_be};
use super::tagger::Found;
use super::{add_left_out, is_possessive, listed};
use crate::text::{lowercase, Document};
use crate::Kind;

/// The weight of the vote for an organization that the words around `mention` cast, if any. A
/// name written as the web writes its brands ("wikiHow", "Secunia.com") is left to its form: a
/// site is a misc name, whatever runs it (`web_names.rs`).
pub fn org_cue(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> Option<u32> {
    let web_form = web_form(&doc.text[mention.start..mention.end]);
    let cued = !web_form
        && (after_org_noun(doc, lexicon, mention)
            || after_staff_at(doc, lexicon, mention)
            || before_staff_noun(doc, lexicon, mention)
            || after_deal_phrase(doc, lexicon, mention)
            || before_shares(doc, lexicon, mention)
            || before_media_noun(doc, lexicon, mention)
            || said_or_called(doc, lexicon, mention)
            || called_in_apposition(doc, lexicon, mention)
            || ends_in_industry_word(doc, lexicon, mention));
    if cued {
        Some(weight::DEFINED)
    } else {
        (!web_form && person_with_its(doc, lexicon, mention)).then_some(weight::DECISIVE)
    }
}

/// Whether `text` is written as the web writes names: from a lowercase letter ("wikiHow"), with
/// "@" or "#", or with a full stop before a lowercase letter ("Secunia.com"). A full stop of
/// initials is no web's: "D.A. Davidson", "J.P. Morgan" are firms named after people.
fn web_form(text: &str) -> bool {
    let domain = (text.as_bytes().windows(2)).any(|w| w[0] == b'.' && w[1].is_ascii_lowercase());
    text.starts_with(char::is_lowercase) || text.contains(['@', '#']) || domain
}

/// Whether the tagger read `mention` as a person's name, yet the name is followed by a verb and
/// "its" ("Anthropic said its", "Novo Nordisk cut its"): "its" is what the subject has, and a
/// person's is "his" or "her". A country has it too ("Chad raised its tariffs"), so the vote
/// counts only against a person's reading, and weighs less than a definition: other mentions
/// read as a person's can outweigh it. A name after a function word is no subject ("the
/// airforce under Hermann Goering began its"), and one that starts with a listed given name is
/// left out.
fn person_with_its(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    let read_as_person = || mention.evidence.strongest() == Some(Kind::Person);
    let subject = || {
        start == 0
            || !lexicon
                .stopwords
                .contains(&lowercase(doc.token_text(start - 1)))
    };
    // The cheapest test first: most names are followed by no "its".
    verb_and_its(doc, lexicon, mention.tokens.end)
        && read_as_person()
        && subject()
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether token `t` is a lowercase word that is no function word and "its" follows it ("said
/// its", "cut its").
fn verb_and_its(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    t + 1 < doc.tokens.len()
        && doc.token_text(t + 1) == "its"
        && doc.token_text(t).chars().all(|c| c.is_ascii_lowercase())
        && !lexicon.stopwords.contains(doc.token_text(t))
}

/// Whether the token `after` an organization noun is no "of" (or the text has ended there): "a
/// group of chemicals" names no organization.
fn no_of(doc: &Document, after: usize) -> bool {
    after >= doc.tokens.len() || doc.token_text(after) != "of"
}

/// Whether `mention` is followed by "is" or "was", "a", "an" or "the" and an organization's
/// noun phrase: "Zenith is a struggling electronics company".
fn said_or_called(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    said_to_be(doc, lexicon, mention, &lexicon.org_cues).is_some_and(|after| no_of(doc, after))
}

/// Whether `mention` comes right after a lowercase organization noun on its line, or one that
/// opens the sentence ("Carmaker Stellantis said", which `edges.rs` leaves out of the name), and
/// is no person's name that starts with a listed given name ("firm founder" stops at "founder":
/// the noun must be the word right before the name).
fn after_org_noun(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    let Some(noun) = start.checked_sub(1) else {
        return false;
    };
    let word = doc.token_text(noun);
    let noun_listed = if word.chars().all(char::is_lowercase) {
        lexicon.org_cues.contains(word)
    } else {
        is_lead_noun(doc, lexicon, noun) && listed(&[&lexicon.org_cues], doc, noun..noun + 1)
    };
    noun_listed
        && !doc.line_break_between(noun, start)
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether `mention` is a name of two words or more whose last is a word for an industry that
/// ends companies' names ("Hanwha Aerospace", "General Dynamics", `industry_words.txt`), its
/// first word no listed given name ("John Holding").
fn ends_in_industry_word(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let tokens = mention.tokens.clone();
    tokens.len() >= 2
        && doc.is_capitalized(tokens.end - 1)
        && listed(&[&lexicon.industry_words], doc, tokens.end - 1..tokens.end)
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether `mention` comes right after a noun for a firm's staff and "at" on its line ("said
/// analysts at Bernstein", `staff_nouns.txt`), the noun capitalized only where it opens the
/// sentence ("Analysts at Jefferies said"): wire copy names the firm so.
fn after_staff_at(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    if start < 2 || doc.token_text(start - 1) != "at" || doc.line_break_between(start - 2, start) {
        return false;
    }
    let noun = doc.token_text(start - 2);
    lexicon.staff_nouns.contains(noun)
        || (doc.starts_sentence(start - 2) && lexicon.staff_nouns.contains(&lowercase(noun)))
}

/// Whether `mention` comes right before a noun for a firm's staff and a capitalized word on its
/// line ("Morningstar analyst Karen Andersen", "Jefferies economist Aneta Markowska"): wire copy
/// names the firm so. Left out: a listed country, region or nationality ("Danish analysts"), an
/// adjective of a name and a lowercase word ("Budapest-based analyst"), a name ending in a
/// place's word ("Wall Street economist Ed Yardeni"), and a person's name that starts with a
/// listed given name.
fn before_staff_noun(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let end = mention.tokens.end;
    staff_and_name(doc, lexicon, end)
        && !doc.line_break_between(end - 1, end)
        && !is_adjective(doc, mention)
        && !listed(&[&lexicon.place_suffixes], doc, end - 1..end)
        && !listed(&region_lists(lexicon), doc, mention.tokens.clone())
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether token `t` is a noun for a firm's staff and a capitalized word follows it on its line
/// ("analyst Karen Andersen").
fn staff_and_name(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    t + 1 < doc.tokens.len()
        && lexicon.staff_nouns.contains(doc.token_text(t))
        && doc.is_capitalized(t + 1)
        && !doc.line_break_between(t, t + 1)
}

/// The lists of countries, regions, capitals and nationalities, whose names no organization's
/// cue makes an organization.
fn region_lists(lexicon: &Lexicon) -> [&WordSet; 3] {
    [
        &lexicon.places,
        &lexicon.geo_regions,
        &lexicon.nationalities,
    ]
}

/// Whether `mention` is an adjective made of a name and a lowercase word ("Singapore-listed").
fn is_adjective(doc: &Document, mention: &Mention) -> bool {
    let text = &doc.text[mention.start..mention.end];
    (text.rsplit_once('-')).is_some_and(|(_, end)| end.starts_with(char::is_lowercase))
}

/// Whether `mention` comes right after words for a company bought, merged, invested in or owned
/// on its line ("Chevron agreed to buy Hess", "a stake in Kestrel", "Shares of Novo Nordisk",
/// `deal_phrases.txt`) but not after "at" ("what is at stake in Ohio"), and is neither a listed
/// country, region, capital or nationality ("the armed takeover of Oregon's wildlife refuge", "a
/// stake in Polish brewer Zywiec"), nor an adjective of a name and a lowercase word ("shares of
/// Singapore-listed Van Der Horst"), nor a name that qualifies a noun before another name
/// ("Shares of Ozempic maker Novo Nordisk"), nor a person's name that starts with a listed given
/// name.
fn after_deal_phrase(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let start = mention.tokens.start;
    let phrases = &lexicon.deal_phrases;
    // The phrase first: most names follow none, and the guards need not be asked.
    let after_phrase = (2..=phrases.longest().min(start)).any(|len| {
        let first = start - len;
        listed(&[phrases], doc, first..start)
            && !doc.line_break_between(first, start)
            && (first == 0 || doc.token_text(first - 1) != "at")
    });
    after_phrase
        && !is_adjective(doc, mention)
        && !qualifies_a_name(doc, lexicon, mention.tokens.end)
        && !listed(&region_lists(lexicon), doc, mention.tokens.clone())
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether the tokens from `t` are a lowercase word that is no function word and a capitalized
/// word: the noun of an apposition whose name follows, which the name before `t` qualifies
/// ("Ozempic [maker Novo] Nordisk").
fn qualifies_a_name(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    t + 1 < doc.tokens.len() && {
        let word = doc.token_text(t);
        word.starts_with(char::is_lowercase)
            && !lexicon.stopwords.contains(word)
            && doc.is_capitalized(t + 1)
    }
}

/// Whether `mention` is followed by its shares or stock: "'s shares" (or shareholders,
/// stockholders), or "shares" or "stock", with or without "'s", and a verb of the market
/// (`share_moves.txt`: "Gazprom shares rose", "Zenith's stock soared"). A person "shares more
/// of" a view and has a "stock answer"; a listed place or nationality has its stock market
/// ("Tokyo stocks", "Turkish shares"), and a name that starts with a listed given name is left
/// out too.
fn before_shares(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    shares_move(doc, lexicon, mention.tokens.end)
        && !listed(&market_places(lexicon), doc, mention.tokens.clone())
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether a noun for a newspaper or news agency follows `mention` on its line ("O Globo daily
/// said", "Belga news agency reported", `media_nouns.txt`) with no name after it, and it is no
/// listed place or nationality nor a person's name that starts with a listed given name. A name
/// after the noun is the paper's, and the one before it says where it is from ("the Sarajevo
/// daily Oslobodjenje", "the Yugoslav news agency Tanjug"); so does a compound adjective ("a New
/// York-based newspaper").
fn before_media_noun(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let end = mention.tokens.end;
    let n = doc.tokens.len();
    let nouns = &lexicon.media_nouns;
    let noun = |len: usize| {
        listed(&[nouns], doc, end..end + len)
            && !doc.line_break_between(end - 1, end + len - 1)
            && !(end + len < n && doc.is_capitalized(end + len))
    };
    let last = doc.token_text(end - 1);
    let adjective = last
        .rsplit_once('-')
        .is_some_and(|(_, part)| part.starts_with(char::is_lowercase));
    (1..=nouns.longest().min(n - end)).any(noun)
        && !adjective
        && !listed(&market_places(lexicon), doc, mention.tokens.clone())
        && !starts_with_given_name(doc, lexicon, mention)
}

/// Whether the tokens from `t` are shares or stock that move, as [`before_shares`] reads them:
/// "shares rose", "'s stock soared", "'s shareholders".
fn shares_move(doc: &Document, lexicon: &Lexicon, t: usize) -> bool {
    let n = doc.tokens.len();
    let word = |t: usize| (t < n).then(|| doc.token_text(t));
    let possessive = word(t).is_some_and(is_possessive);
    let t = t + usize::from(possessive);
    let moves = word(t + 1).is_some_and(|verb| lexicon.share_moves.contains(verb));
    match word(t) {
        Some("shares" | "shareholders" | "stockholders") => possessive || moves,
        Some("stock") => moves,
        _ => false,
    }
}

/// The lists of places and nationalities, which have stock markets of their own.
fn market_places(lexicon: &Lexicon) -> [&WordSet; 4] {
    [
        &lexicon.places,
        &lexicon.geo_regions,
        &lexicon.geo_cities,
        &lexicon.nationalities,
    ]
}

/// Adds to `found` (in text order) the one-word organizations the tagger left out at a
/// sentence's start, where every word is capitalized: a word that [`verb_and_its`] or
/// [`shares_move`] follows ("Spotify said its", "Kestova shares jumped") and that is no common
/// word. A listed company is one ("Shell said its"); other words must be written capitalized
/// more often than not in unlabeled text (their case band), or be unknown there, and not look
/// plural ("Analysts said its": "its" is something else's, as a plural subject has "their").
/// And a listed company that "and" and an organization the tagger found follow is one ("Shell
/// and BP report results"). A function word, calendar word, title, given name, place or
/// nationality is none.
pub fn add(doc: &Document, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let starts = doc.sentences.iter().map(|s| s.tokens.start);
    // In text order: where the organizations the tagger found start.
    let organizations: Vec<usize> = (found.iter())
        .filter(|f| f.kind == Kind::Organization)
        .map(|f| f.tokens.start)
        .collect();
    let and_organization = |t: usize| {
        t + 2 < doc.tokens.len()
            && doc.token_text(t + 1) == "and"
            && organizations.binary_search(&(t + 2)).is_ok()
    };
    let not_org = [
        &lexicon.stopwords,
        &lexicon.calendar,
        &lexicon.titles,
        &lexicon.given_names,
    ];
    add_left_out(found, starts, Kind::Organization, |t| {
        let word = doc.token_text(t);
        let mixed_case = word.starts_with(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.len() > 1;
        let company = || listed(&[&lexicon.companies], doc, t..t + 1);
        let cued = || {
            verb_and_its(doc, lexicon, t + 1)
                || shares_move(doc, lexicon, t + 1)
                || staff_and_name(doc, lexicon, t + 1)
        };
        mixed_case
            && ((cued() && (company() || mostly_capitalized(lexicon, word) && !looks_plural(word)))
                || (and_organization(t) && company()))
            && !listed(&not_org, doc, t..t + 1)
            && !listed(&market_places(lexicon), doc, t..t + 1)
    });
}

/// Whether `word` ends as an English plural does: in "s", but not "ss", "us" or "is"
/// ("Analysts", but not "Express", "Nexus", "Paris").
fn looks_plural(word: &str) -> bool {
    word.ends_with('s') && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
}

/// Whether unlabeled text writes `word` capitalized more often than in lowercase, or never has
/// it at all (its case band, `word_classes.txt`).
pub(super) fn mostly_capitalized(lexicon: &Lexicon, word: &str) -> bool {
    let hash = fnv(lowercase(word).bytes());
    lexicon.words.case_band(hash).is_none_or(|band| band >= 4)
}

/// Whether the first word of `mention` is a listed given name ("Charles Schwab", "Maria Lopez"):
/// a person's name, whatever words come before or after it.
pub(super) fn starts_with_given_name(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let first = doc.token_text(mention.tokens.start);
    lexicon.given_names.contains(lowercase(first).as_ref())
}

/// Whether `mention` is followed by a comma, a determiner ("a", "an", "the", or a name and its
/// "'s") and a noun phrase ending in an organization noun: "Bamerindus, Brazil's fourth-largest
/// private bank," ("Zenith, a company spokesman" goes on past the noun).
fn called_in_apposition(doc: &Document, lexicon: &Lexicon, mention: &Mention) -> bool {
    let n = doc.tokens.len();
    let comma = mention.tokens.end;
    if comma + 2 >= n || doc.token_text(comma) != "," {
        return false;
    }
    let first = match doc.token_text(comma + 1) {
        "a" | "an" | "the" => comma + 2,
        _ if doc.is_capitalized(comma + 1)
            && matches!(doc.token_text(comma + 2), "'s" | "\u{2019}s") =>
        {
            comma + 3
        }
        _ => return false,
    };
    first < n
        && noun_phrase_with(doc, lexicon, first, &lexicon.org_cues)
            .is_some_and(|after| no_of(doc, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str, name: &str) -> bool {
        Mention::cued_by(text, name, org_cue)
    }

    #[test]
    fn a_name_ending_in_an_industry_word_is_one() {
        assert!(cued(
            "Zorbat Aerospace won the contract",
            "Zorbat Aerospace"
        ));
        assert!(cued(
            "shares of Ukal Zorbat Enterprises fell",
            "Ukal Zorbat Enterprises"
        ));
        assert!(cued("PRESS DIGEST - ZORBAT DYNAMICS", "ZORBAT DYNAMICS"));
        // One word, a given name first, the word in lowercase or not last: no cue.
        assert!(!cued("Aerospace won the contract", "Aerospace"));
        assert!(!cued("John Holding scored twice", "John Holding"));
        assert!(!cued("Zorbat aerospace won", "Zorbat"));
        assert!(!cued(
            "the Zorbat Aerospace Museum opened",
            "Zorbat Aerospace Museum"
        ));
    }

    #[test]
    fn a_name_after_an_organization_noun_is_one() {
        assert!(cued("German retailer Promodes said", "Promodes"));
        assert!(cued("loans to private bank Bamerindus.", "Bamerindus"));
        assert!(cued("the daily Izvestia reported", "Izvestia"));
        assert!(cued("discounters Aldi and Lidl gained", "Aldi"));
        assert!(cued("Carmaker Zorbat said", "Zorbat"));
        assert!(cued(
            "Shares rose. Retailers Zorbat and Ukal fell.",
            "Zorbat"
        ));
        // A trade of persons, a noun that is not the last word, a given name, a capital.
        assert!(!cued("film producer Zorbat Ukal said", "Zorbat Ukal"));
        assert!(!cued("bank chairman Zorbat said", "Zorbat"));
        assert!(!cued("the firm Thomas Reyes founded", "Thomas Reyes"));
        assert!(!cued("the Bank Zorbat said", "Zorbat"));
        // Capitalized: only a listed trade noun opening the sentence; no rival.
        assert!(!cued("Bank Zorbat said", "Zorbat"));
        assert!(!cued("Rival Zorbat said", "Zorbat"));
        assert!(!cued("The Carmaker Zorbat said", "Zorbat"));
    }

    #[test]
    fn a_name_after_a_firms_staff_and_at_is_one() {
        assert!(cued("said analysts at Zorbat Ukal.", "Zorbat Ukal"));
        assert!(cued("an economist at Zorbat said", "Zorbat"));
        assert!(cued("Prices fell. Analysts at Zorbat said", "Zorbat"));
        // Initials are no web address: a firm named after its founder.
        assert!(cued("an analyst at D.A. Zorbat said", "D.A. Zorbat"));
        assert!(!cued("an analyst at Zorbat.com said", "Zorbat.com"));
        // Not right after "at", another noun, another line.
        assert!(!cued("analysts said at Zorbat", "Zorbat"));
        assert!(!cued("officials at Zorbat said", "Zorbat"));
        assert!(!cued("analysts at\nZorbat said", "Zorbat"));
        assert!(!cued("the Analysts at Zorbat said", "Zorbat"));
    }

    #[test]
    fn a_name_before_a_firms_staff_and_a_name_is_one() {
        assert!(cued("said Zorbat analyst Karen Andersen.", "Zorbat"));
        assert!(cued(
            "Zorbat Ukal economist Aneta Markowska said",
            "Zorbat Ukal"
        ));
        // No name after the noun; a listed country or nationality; an adjective; a place's word;
        // a given name; another line.
        assert!(!cued("a Zorbat analyst said", "Zorbat"));
        assert!(!cued("said Danish analyst Karen Andersen", "Danish"));
        assert!(!cued(
            "Budapest-based analyst Karen Andersen said",
            "Budapest-based"
        ));
        assert!(!cued(
            "Wall Street economist Ed Yardeni said",
            "Wall Street"
        ));
        assert!(!cued(
            "Maria Lopez analyst Karen Andersen said",
            "Maria Lopez"
        ));
        assert!(!cued("said Zorbat analyst\nKaren Andersen", "Zorbat"));
    }

    #[test]
    fn a_name_bought_merged_or_invested_in_is_one() {
        assert!(cued("Chevron agreed to buy Zorbat for cash.", "Zorbat"));
        assert!(cued("a 10 percent stake in Zorbat Ukal", "Zorbat Ukal"));
        assert!(cued("after its merger with Zorbat, shares", "Zorbat"));
        assert!(cued("Shares of Zorbat Ukal fell 5 percent.", "Zorbat Ukal"));
        assert!(cued("Kestrel, a unit of Zorbat, said", "Zorbat"));
        // At stake; a listed region or nationality; a given name; a plain "buy"; another line.
        assert!(!cued("what is at stake in Zorbat", "Zorbat"));
        assert!(!cued("shares in London rose", "London"));
        assert!(!cued("a stake in Polish brewer Zywiec", "Polish"));
        assert!(!cued("shares of Zorbat-listed Ukal", "Zorbat-listed"));
        assert!(!cued("Shares of Zorbat maker Ukal fell", "Zorbat"));
        assert!(!cued("the armed takeover of Oregon's refuge", "Oregon"));
        assert!(!cued("Kim agreed to buy Maria Lopez lunch.", "Maria Lopez"));
        assert!(!cued("investors buy Zorbat when", "Zorbat"));
        assert!(!cued("a stake in\nZorbat said", "Zorbat"));
    }

    #[test]
    fn a_name_whose_shares_move_is_one() {
        assert!(cued("Zorbat shares rose 4 percent.", "Zorbat"));
        assert!(cued("Zorbat's stock soared on the news.", "Zorbat"));
        assert!(cued("half of Zorbat's shareholders agreed", "Zorbat"));
        // A person shares a view, has a stock answer; a place's stock market; a given name.
        assert!(!cued("Zorbat shares more of the view.", "Zorbat"));
        assert!(!cued("Zorbat's stock answer was no.", "Zorbat"));
        assert!(!cued("Tokyo stock closed higher.", "Tokyo"));
        assert!(!cued("Turkish shares fell.", "Turkish"));
        assert!(!cued("Philip Zorbat's shares in the bank", "Philip Zorbat"));
    }

    #[test]
    fn a_name_read_as_a_person_with_its_is_an_organization() {
        let cued_as = |text: &str, name: &str, kind: Kind| {
            let doc = Document::new(text);
            let mut mention = Mention::first_place(&doc, name);
            mention.evidence.add(kind, weight::STRONG);
            org_cue(&doc, &Lexicon::new(), &mention)
        };
        let person = |text: &str, name: &str| cued_as(text, name, Kind::Person);
        assert_eq!(
            person("Zorbat said its profit rose.", "Zorbat"),
            Some(weight::DECISIVE)
        );
        assert_eq!(
            person("Ruane, Zorbat increased its stake", "Zorbat"),
            Some(weight::DECISIVE)
        );
        // Read as a place; not a subject; a function word between; a given name.
        assert_eq!(
            cued_as("Zorbat raised its tariffs.", "Zorbat", Kind::Place),
            None
        );
        assert_eq!(
            person("the army under Zorbat began its attack", "Zorbat"),
            None
        );
        assert_eq!(person("Zorbat and its allies", "Zorbat"), None);
        assert_eq!(person("Maria Zorbat said its", "Maria Zorbat"), None);
    }

    #[test]
    fn a_company_left_out_at_a_sentences_start_is_added() {
        let added = |text: &str| {
            let doc = Document::new(text);
            let mut found = Vec::new();
            add(&doc, &Lexicon::new(), &mut found);
            found.iter().map(|f| f.text(&doc)).collect::<Vec<_>>()
        };
        assert_eq!(added("Zorbatix said its sales rose."), ["Zorbatix"]);
        assert_eq!(added("Rain fell. Zorbatix shares jumped."), ["Zorbatix"]);
        assert_eq!(added("Shell said its profit fell."), ["Shell"]);
        assert_eq!(added("Zorbatix economist Pavel Dobes said."), ["Zorbatix"]);
        // A listed company before "and" and an organization the tagger found.
        let doc = Document::new("Shell and BP report results. Shell and Zorbat met.");
        let mut found = Found::all(&[(2, 3), (8, 9)], Kind::Organization);
        found[1].kind = Kind::Person;
        add(&doc, &Lexicon::new(), &mut found);
        let names: Vec<String> = found.iter().map(|f| f.text(&doc)).collect();
        assert_eq!(names, ["Shell", "BP", "Zorbat"]);
        // A common word, a plural, a given name, a place, not at a sentence's start, no cue.
        for text in [
            "Management said its goal was clear.",
            "Zorbatixes said its goal was clear.",
            "Maria said its roof leaked.",
            "Texas said its budget grew.",
            "Then Zorbatix said its sales rose.",
            "Zorbatix said sales rose.",
            "Senior analyst Pavel Dobes said.",
            "Zorbatix analyst\nPavel Dobes said.",
        ] {
            assert!(added(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_name_before_a_newspapers_noun_is_one() {
        assert!(cued("Zorbat news agency reported", "Zorbat"));
        assert!(cued("sources told the Ukal daily on Friday", "Ukal"));
        assert!(cued("the cover of Zorbat magazine", "Zorbat"));
        // A possessive, a listed place or nationality, a given name, another line.
        assert!(!cued("Zorbat's newspaper said", "Zorbat"));
        assert!(!cued("the Sarajevo daily said", "Sarajevo"));
        assert!(!cued("Albanian newspapers said", "Albanian"));
        assert!(!cued("Maria Ukal daily walks", "Maria Ukal"));
        assert!(!cued("Zorbat\nmagazine", "Zorbat"));
        // A name after the noun; a compound adjective.
        assert!(!cued("the Zorbat news agency Ukal said", "Zorbat"));
        assert!(!cued("a Zorbat-based newspaper", "Zorbat-based"));
    }

    #[test]
    fn a_name_said_or_called_an_organization_is_one() {
        assert!(cued(
            "Zenith is a struggling electronics company.",
            "Zenith"
        ));
        assert!(cued(
            "Bamerindus, Brazil's fourth-largest private bank, has",
            "Bamerindus"
        ));
        assert!(cued("Zorbat, a low-cost airline, said", "Zorbat"));
        assert!(cued(
            "Zorbat, Russia's biggest company by market value, said",
            "Zorbat"
        ));
        assert!(!cued("Zorbat, a company spokesman, said", "Zorbat"));
        assert!(!cued("Zorbat, the bank's chairman, said", "Zorbat"));
        assert!(!cued("Zorbat joined a bank.", "Zorbat"));
        assert!(!cued("Zorbat is a group of chemicals.", "Zorbat"));
        // A web brand is left to its form.
        assert!(!cued("zorBat, the company, said", "zorBat"));
        assert!(!cued("the firm Zorbat.com said", "Zorbat.com"));
    }
}
