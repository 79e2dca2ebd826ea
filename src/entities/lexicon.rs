//! The word lists the tagger's features consult (gazetteers, titles, name suffixes), loaded once
//! from the data files beside this module. Entries are lowercased and looked up with lowercased words, so a headline's
//! "BUDAPEST" and a body's "Budapest" find the same entry.

use crate::text::{data_lines, FastSet};

/// A set of lowercase words or phrases (words joined by single spaces).
#[derive(Default)]
pub struct WordSet {
    entries: FastSet<String>,
    /// The first words of the entries that have more ("new" and "new south" of "new south
    /// wales"), so a phrase lookup stops as soon as no entry can start with what it has read.
    starts: FastSet<String>,
    /// The most words any entry has, to bound phrase lookups.
    longest: usize,
}

impl WordSet {
    fn load(data: &'static str) -> WordSet {
        let mut set = WordSet::default();
        for line in data_lines(data) {
            let entry = line.to_lowercase();
            set.longest = set.longest.max(entry.split_whitespace().count());
            for (end, _) in entry.match_indices(' ') {
                set.starts.insert(entry[..end].to_string());
            }
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

    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// All the lists, each built once in [`Lexicon::new`].
pub struct Lexicon {
    pub titles: WordSet,
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
}

impl Lexicon {
    pub fn new() -> Lexicon {
        Lexicon {
            titles: WordSet::load(include_str!("titles.txt")),
            calendar: WordSet::load(include_str!("calendar.txt")),
            given_names: WordSet::load(include_str!("given_names.txt")),
            places: WordSet::load(include_str!("places.txt")),
            nationalities: WordSet::load(include_str!("nationalities.txt")),
            organizations: WordSet::load(include_str!("organizations.txt")),
            org_suffixes: WordSet::load(include_str!("org_suffixes.txt")),
            place_suffixes: WordSet::load(include_str!("place_suffixes.txt")),
            misc_suffixes: WordSet::load(include_str!("misc_suffixes.txt")),
            stopwords: WordSet::load(include_str!("stopwords.txt")),
            geo_cities: WordSet::load(include_str!("geo_cities.txt")),
            geo_regions: WordSet::load(include_str!("geo_regions.txt")),
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
    fn entries_are_lowercased_and_comments_skipped() {
        let lexicon = Lexicon::new();
        assert!(lexicon.places.contains("budapest"));
        assert!(lexicon.places.contains("middle east"));
        assert!(lexicon.nationalities.contains("ukrainian"));
        assert!(lexicon.organizations.contains("white house"));
        assert!(lexicon.calendar.contains("friday"));
        assert!(lexicon.titles.contains("secretary of state"));
        assert!(!lexicon.places.contains("# cities"));
        assert!(!lexicon.given_names.contains("trump"));
    }

    #[test]
    fn phrase_starts_are_known() {
        let lexicon = Lexicon::new();
        assert!(lexicon.places.starts_longer("middle"));
        assert!(!lexicon.places.starts_longer("middle east"));
        assert!(!lexicon.places.starts_longer("budapest"));
    }

    #[test]
    fn longest_counts_words() {
        let lexicon = Lexicon::new();
        assert_eq!(lexicon.titles.longest(), 3);
        assert_eq!(lexicon.places.longest(), 4);
    }
}
