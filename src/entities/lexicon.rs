//! The word lists the tagger's features consult (gazetteers, titles, name suffixes), loaded once
//! from the data files beside this module. Entries are lowercased and looked up with lowercased words, so a headline's
//! "BUDAPEST" and a body's "Budapest" find the same entry.

use std::borrow::Cow;

use super::word_classes::WordClasses;
use crate::text::{data_lines, lowercase, FastMap, FastSet};

/// 64-bit FNV-1a of a string: each token's strings are hashed once, and the features mix
/// those hashes; stable across platforms and runs.
pub fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, fnv1)
}

/// One FNV-1a step.
pub fn fnv1(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// A set of lowercase words or phrases (words joined by single spaces).
#[derive(Default)]
pub struct WordSet {
    /// Borrowed from the data file when it is written in lowercase ASCII (most lines are), so
    /// loading copies few strings: tens of thousands of allocations less when an analyzer is made.
    entries: FastSet<Cow<'static, str>>,
    /// The first words of the entries that have more ("new" and "new south" of "new south
    /// wales"), so a phrase lookup stops as soon as no entry can start with what it has read.
    starts: FastSet<Cow<'static, str>>,
    /// The most words any entry has, to bound phrase lookups.
    longest: usize,
    /// The [`fnv`] hashes of the entries and of the starts: a phrase lookup hashes its words as
    /// it reads them and writes the phrase out only when its hash is here.
    entry_hashes: FastSet<u64>,
    start_hashes: FastSet<u64>,
}

impl WordSet {
    fn load(data: &'static str) -> WordSet {
        WordSet::load_all(&[data])
    }

    /// One list of the entries of several files.
    fn load_all(files: &[&'static str]) -> WordSet {
        let lines = files.iter().map(|data| data_lines(data).count()).sum();
        let mut set = WordSet {
            entries: FastSet::with_capacity_and_hasher(lines, Default::default()),
            entry_hashes: FastSet::with_capacity_and_hasher(lines, Default::default()),
            ..WordSet::default()
        };
        for line in files.iter().flat_map(|data| data_lines(data)) {
            let entry = lowercase(line);
            // One pass: at each space, the hash so far is the hash of the words before it.
            let (mut hash, mut words) = (fnv([]), 1);
            for (at, byte) in entry.bytes().enumerate() {
                if byte == b' ' {
                    words += 1;
                    set.start_hashes.insert(hash);
                    set.starts.insert(prefix(entry.clone(), at));
                }
                hash = fnv1(hash, byte);
            }
            set.longest = set.longest.max(words);
            set.entry_hashes.insert(hash);
            set.entries.insert(entry);
        }
        set
    }

    /// Whether `key` (already lowercase, words joined by single spaces) is listed.
    pub fn contains(&self, key: &str) -> bool {
        self.entries.contains(key)
    }

    /// Whether some entry starts with the words of `key` and has more.
    pub fn starts_longer(&self, key: &str) -> bool {
        self.starts.contains(key)
    }

    /// Whether a key with [`fnv`] hash `hash` may be listed ([`WordSet::contains`] says).
    pub fn may_contain(&self, hash: u64) -> bool {
        self.entry_hashes.contains(&hash)
    }

    /// Whether a key with [`fnv`] hash `hash` may start a longer entry
    /// ([`WordSet::starts_longer`] says).
    pub fn may_start_longer(&self, hash: u64) -> bool {
        self.start_hashes.contains(&hash)
    }

    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// The first `end` bytes of `entry`, borrowed when `entry` is (cloning a borrowed entry copies
/// no text).
fn prefix(entry: Cow<'static, str>, end: usize) -> Cow<'static, str> {
    match entry {
        Cow::Borrowed(entry) => Cow::Borrowed(&entry[..end]),
        Cow::Owned(mut entry) => {
            entry.truncate(end);
            Cow::Owned(entry)
        }
    }
}

/// Which lists a single word is in, bit per list in [`Lexicon::lists`] order: as a whole entry,
/// and as the first word of a longer entry.
#[derive(Clone, Copy, Default)]
pub struct Marks {
    pub entry: u16,
    pub starts: u16,
}

/// All the lists, each built once in [`Lexicon::new`].
pub struct Lexicon {
    pub titles: WordSet,
    /// Titles before a person's name that `titles` (which the tagger's features read) lacks
    /// ("justice", "tsar"): see [`Lexicon::all_titles`].
    pub person_titles: WordSet,
    /// Forms of address other than titles ("madam", "dad"): see `address.rs`.
    pub address_words: WordSet,
    pub calendar: WordSet,
    pub given_names: WordSet,
    pub places: WordSet,
    pub nationalities: WordSet,
    pub organizations: WordSet,
    pub org_suffixes: WordSet,
    pub place_suffixes: WordSet,
    pub misc_suffixes: WordSet,
    pub stopwords: WordSet,
    /// GeoNames cities (`scripts/gazetteers/geonames.py`).
    pub geo_cities: WordSet,
    /// GeoNames countries, capitals, continents and US states.
    pub geo_regions: WordSet,
    /// Listed companies (`scripts/gazetteers/companies.py`).
    pub companies: WordSet,
    /// Sports clubs and teams (`scripts/gazetteers/sports_clubs.py`).
    pub sports_clubs: WordSet,
    /// Head nouns of products and weapons (read by `products`, not a feature list).
    pub product_heads: WordSet,
    /// Last words of weapon systems' names (read by `products`, not a feature list).
    pub product_name_ends: WordSet,
    /// Words of a sports result next to a team's name (read by `clubs`, not a feature list).
    pub result_words: WordSet,
    /// Legal forms a company's short name leaves out (read by `group`, not a feature list).
    pub legal_forms: WordSet,
    /// Last words of institutions' names that go on with "of" and a place (read by `joins`).
    pub institution_heads: WordSet,
    /// Place nouns before "of" and a place's name (read by `place_cues`, not a feature list).
    pub place_cues: WordSet,
    /// Nouns for organizations before or said of a name (read by `org_cues`, not a feature
    /// list).
    pub org_cues: WordSet,
    /// First words of places' names that start no person's (read by `place_cues`).
    pub place_prefixes: WordSet,
    /// Last words of places' names that no person's ends with ("Shah Mosque", read by
    /// `place_cues`).
    pub place_ends: WordSet,
    /// Words before "in" whose object is no place ("believe in", read by `place_cues`).
    pub not_place_in: WordSet,
    /// Words for going somewhere before "to" and a place ("fled to", read by `place_cues`).
    pub motion_words: WordSet,
    /// Nouns for a company or its rivals that open a sentence before a name (read by `edges`).
    pub lead_nouns: WordSet,
    /// Nouns for a firm's staff before "at" and its name (read by `org_cues`).
    pub staff_nouns: WordSet,
    /// Industry words that end companies' names ("Hanwha Aerospace", read by `org_cues`).
    pub industry_words: WordSet,
    /// Last words of events' names ("the 2004 Olympics", read by `event_years`).
    pub event_words: WordSet,
    /// Words for a race, and nouns for people they describe (read by `nationality_words`).
    pub race_words: WordSet,
    pub people_nouns: WordSet,
    /// Words before the name of a company bought, merged or invested in (read by `org_cues`).
    pub deal_phrases: WordSet,
    /// Verbs after a company's shares or stock (read by `org_cues`).
    pub share_moves: WordSet,
    /// Nouns after a newspaper's or news agency's name (read by `org_cues`).
    pub media_nouns: WordSet,
    /// Words before a storm's name (read by `storms`).
    pub storm_words: WordSet,
    /// Last words of the names of laws and treaties (read by `laws`).
    pub law_words: WordSet,
    /// Words that make a road's name with a number or a code (read by `roads`).
    pub road_words: WordSet,
    /// Makers and product lines a model's code follows (read by `models`).
    pub model_makers: WordSet,
    /// Words for a model's variant after its code (read by `models`).
    pub model_variants: WordSet,
    /// Head nouns only a model's code takes (read by `models`).
    pub model_heads: WordSet,
    /// Prefixes of naval ships' names (read by `ships`).
    pub ship_prefixes: WordSet,
    /// Nouns for a work that its title follows (read by `works`).
    pub work_nouns: WordSet,
    /// Diseases' and viruses' names (read by `diseases`).
    pub diseases: WordSet,
    /// Nouns for a medicine that its brand's name follows (read by `drugs`).
    pub drug_nouns: WordSet,
    /// Nouns for a ship or a spacecraft before its name (read by `vessels`).
    pub vessel_nouns: WordSet,
    /// Brown clusters and capitalization bands from unlabeled text.
    pub words: WordClasses,
    /// The [`fnv`] hashes of the last words of all titles, without an abbreviation's full stops:
    /// see [`Lexicon::may_end_title`].
    title_ends: FastSet<u64>,
    /// Every single word any list knows, keyed by its [`fnv`] hash, with its [`Marks`]: one
    /// lookup per token for all lists, with the hash the features compute anyway (no string
    /// hashing, no lowercase copy).
    marks: FastMap<u64, (Cow<'static, str>, Marks)>,
}

/// Bit numbers of the lists in [`Marks`].
pub mod list {
    pub const TITLES: u32 = 0;
    pub const CALENDAR: u32 = 1;
    pub const GIVEN_NAMES: u32 = 2;
    pub const PLACES: u32 = 3;
    pub const NATIONALITIES: u32 = 4;
    pub const ORGANIZATIONS: u32 = 5;
    pub const ORG_SUFFIXES: u32 = 6;
    pub const PLACE_SUFFIXES: u32 = 7;
    pub const MISC_SUFFIXES: u32 = 8;
    pub const STOPWORDS: u32 = 9;
    pub const GEO_CITIES: u32 = 10;
    pub const GEO_REGIONS: u32 = 11;
    pub const COMPANIES: u32 = 12;
    pub const SPORTS_CLUBS: u32 = 13;
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut lexicon = Lexicon {
            titles: WordSet::load(data_file!("entities/titles.txt")),
            person_titles: WordSet::load(data_file!("entities/person_titles.txt")),
            address_words: WordSet::load(data_file!("entities/address_words.txt")),
            calendar: WordSet::load(data_file!("entities/calendar.txt")),
            given_names: WordSet::load(data_file!("entities/given_names.txt")),
            places: WordSet::load(data_file!("entities/places.txt")),
            nationalities: WordSet::load_all(&[
                data_file!("entities/nationalities.txt"),
                data_file!("entities/demonyms.txt"),
            ]),
            organizations: WordSet::load(data_file!("entities/organizations.txt")),
            org_suffixes: WordSet::load(data_file!("entities/org_suffixes.txt")),
            place_suffixes: WordSet::load(data_file!("entities/place_suffixes.txt")),
            misc_suffixes: WordSet::load(data_file!("entities/misc_suffixes.txt")),
            stopwords: WordSet::load(data_file!("entities/stopwords.txt")),
            geo_cities: WordSet::load(data_file!("entities/geo_cities.txt")),
            geo_regions: WordSet::load(data_file!("entities/geo_regions.txt")),
            companies: WordSet::load(data_file!("entities/companies.txt")),
            sports_clubs: WordSet::load(data_file!("entities/sports_clubs.txt")),
            product_heads: WordSet::load(data_file!("entities/product_heads.txt")),
            product_name_ends: WordSet::load(data_file!("entities/product_name_ends.txt")),
            result_words: WordSet::load(data_file!("entities/result_words.txt")),
            legal_forms: WordSet::load(data_file!("entities/legal_forms.txt")),
            institution_heads: WordSet::load(data_file!("entities/institution_heads.txt")),
            place_cues: WordSet::load(data_file!("entities/place_cues.txt")),
            org_cues: WordSet::load(data_file!("entities/org_cues.txt")),
            place_prefixes: WordSet::load(data_file!("entities/place_prefixes.txt")),
            place_ends: WordSet::load(data_file!("entities/place_ends.txt")),
            not_place_in: WordSet::load(data_file!("entities/not_place_in.txt")),
            motion_words: WordSet::load(data_file!("entities/motion_words.txt")),
            lead_nouns: WordSet::load(data_file!("entities/lead_nouns.txt")),
            staff_nouns: WordSet::load(data_file!("entities/staff_nouns.txt")),
            industry_words: WordSet::load(data_file!("entities/industry_words.txt")),
            event_words: WordSet::load(data_file!("entities/event_words.txt")),
            race_words: WordSet::load(data_file!("entities/race_words.txt")),
            people_nouns: WordSet::load(data_file!("entities/people_nouns.txt")),
            deal_phrases: WordSet::load(data_file!("entities/deal_phrases.txt")),
            share_moves: WordSet::load(data_file!("entities/share_moves.txt")),
            media_nouns: WordSet::load(data_file!("entities/media_nouns.txt")),
            storm_words: WordSet::load(data_file!("entities/storm_words.txt")),
            law_words: WordSet::load(data_file!("entities/law_words.txt")),
            road_words: WordSet::load(data_file!("entities/road_words.txt")),
            model_makers: WordSet::load(data_file!("entities/model_makers.txt")),
            model_variants: WordSet::load(data_file!("entities/model_variants.txt")),
            model_heads: WordSet::load(data_file!("entities/model_heads.txt")),
            ship_prefixes: WordSet::load(data_file!("entities/ship_prefixes.txt")),
            work_nouns: WordSet::load(data_file!("entities/work_nouns.txt")),
            diseases: WordSet::load(data_file!("entities/diseases.txt")),
            drug_nouns: WordSet::load(data_file!("entities/drug_nouns.txt")),
            vessel_nouns: WordSet::load(data_file!("entities/vessel_nouns.txt")),
            words: WordClasses::new(),
            title_ends: FastSet::default(),
            marks: FastMap::default(),
        };
        let ends = (lexicon.all_titles().iter())
            .flat_map(|set| set.entries.iter())
            .filter_map(|entry| entry.rsplit(' ').next())
            .map(|last| fnv(last.trim_end_matches('.').bytes()))
            .collect();
        lexicon.title_ends = ends;
        let mut marks: FastMap<u64, (Cow<'static, str>, Marks)> = FastMap::default();
        for (bit, set) in lexicon.lists().into_iter().enumerate() {
            for entry in &set.entries {
                let (word, starts) = match entry.find(' ') {
                    None => (entry.clone(), false),
                    Some(end) => (prefix(entry.clone(), end), true),
                };
                let (listed, m) = marks
                    .entry(fnv(word.bytes()))
                    .or_insert_with(|| (word.clone(), Marks::default()));
                debug_assert_eq!(*listed, word, "two list words share a hash");
                match starts {
                    false => m.entry |= 1 << bit,
                    true => m.starts |= 1 << bit,
                }
            }
        }
        lexicon.marks = marks;
        lexicon
    }

    /// The lists, in the order of the bits of [`list`].
    pub fn lists(&self) -> [&WordSet; 14] {
        [
            &self.titles,
            &self.calendar,
            &self.given_names,
            &self.places,
            &self.nationalities,
            &self.organizations,
            &self.org_suffixes,
            &self.place_suffixes,
            &self.misc_suffixes,
            &self.stopwords,
            &self.geo_cities,
            &self.geo_regions,
            &self.companies,
            &self.sports_clubs,
        ]
    }

    /// The lists of organizations' names: companies, sports clubs, other organizations.
    pub fn organization_lists(&self) -> [&WordSet; 3] {
        [&self.companies, &self.sports_clubs, &self.organizations]
    }

    /// The lists of places: countries, regions and cities.
    pub fn place_lists(&self) -> [&WordSet; 3] {
        [&self.places, &self.geo_regions, &self.geo_cities]
    }

    /// Every list of titles before a person's name: those the tagger reads, and the others.
    pub fn all_titles(&self) -> [&WordSet; 2] {
        [&self.titles, &self.person_titles]
    }

    /// Whether `word` may be the last word of a title in [`Lexicon::all_titles`], as written or
    /// abbreviated ("President", "Gen.", "Gen"): `false` says for sure it is not, so a title
    /// lookup can stop at the word before a name. One hash, no lowercase copy of an ASCII word.
    pub fn may_end_title(&self, word: &str) -> bool {
        let bare = word.trim_end_matches('.');
        let hash = if bare.is_ascii() {
            fnv(bare.bytes().map(|b| b.to_ascii_lowercase()))
        } else {
            fnv(bare.to_lowercase().bytes())
        };
        self.title_ends.contains(&hash)
    }

    /// The lists a word is in or starts an entry of, from the [`fnv`] hash of its lowercase;
    /// `is_word` says whether a listed word (lowercase) is it.
    pub fn marks(&self, hash: u64, is_word: impl Fn(&str) -> bool) -> Marks {
        match self.marks.get(&hash) {
            Some((word, marks)) if is_word(word) => *marks,
            _ => Marks::default(),
        }
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_ends_are_the_last_words_of_titles_abbreviated_or_not() {
        let lexicon = Lexicon::new();
        for word in ["President", "Gen.", "Gen", "State", "JUSTICE"] {
            assert!(lexicon.may_end_title(word), "{word}");
        }
        for word in ["said", "the", "Paris", "of"] {
            assert!(!lexicon.may_end_title(word), "{word}");
        }
    }

    #[test]
    fn entries_are_lowercased_and_comments_skipped() {
        let lexicon = Lexicon::new();
        assert!(lexicon.places.contains("budapest"));
        assert!(lexicon.places.contains("middle east"));
        assert!(lexicon.nationalities.contains("ukrainian"));
        // From demonyms.txt.
        assert!(lexicon.nationalities.contains("nicaraguan"));
        assert!(lexicon.nationalities.contains("costa ricans"));
        assert!(lexicon.organizations.contains("white house"));
        assert!(lexicon.calendar.contains("friday"));
        assert!(lexicon.titles.contains("secretary of state"));
        assert!(!lexicon.places.contains("# cities"));
        assert!(!lexicon.given_names.contains("trump"));
        assert!(lexicon.sports_clubs.contains("boston celtics"));
        assert!(lexicon.sports_clubs.contains("deportivo la coruna"));
        // Nicknames alone are left out ("Texans" are mostly people of Texas).
        assert!(!lexicon.sports_clubs.contains("texans"));
    }

    #[test]
    fn phrase_starts_are_known() {
        let lexicon = Lexicon::new();
        assert!(lexicon.places.starts_longer("middle"));
        assert!(!lexicon.places.starts_longer("middle east"));
        assert!(!lexicon.places.starts_longer("budapest"));
    }

    #[test]
    fn marks_agree_with_the_lists() {
        let lexicon = Lexicon::new();
        let marks = |word: &str| lexicon.marks(fnv(word.bytes()), |w| w == word);
        let new = marks("new");
        assert_eq!(new.starts & (1 << list::PLACES), 1 << list::PLACES);
        let friday = marks("friday");
        assert_eq!(friday.entry & (1 << list::CALENDAR), 1 << list::CALENDAR);
        assert_eq!(marks("zzzq").entry, 0);
        assert_eq!(lexicon.marks(fnv("new".bytes()), |_| false).starts, 0);
    }

    #[test]
    fn list_words_are_joined_by_single_spaces() {
        // Phrases are looked up as words joined by one space; an entry written otherwise could
        // never match.
        let lexicon = Lexicon::new();
        for set in lexicon.lists() {
            for entry in &set.entries {
                assert_eq!(
                    entry.split_whitespace().collect::<Vec<_>>().join(" "),
                    *entry
                );
            }
        }
    }

    #[test]
    fn longest_counts_words() {
        let lexicon = Lexicon::new();
        assert_eq!(lexicon.titles.longest(), 3);
        assert_eq!(lexicon.places.longest(), 4);
    }
}
