//! Where rules are tried: only at ASCII word starts, finding what a scan of the whole text finds.

use super::*;

#[test]
fn word_lists_begin_with_a_letter_or_digit() {
    // Rules are only tried at ASCII word starts (`DateTagger::match_starts`).
    for (name, words) in rules::placeholders() {
        let firsts = words.split('|').map(|w| {
            w.trim_start_matches("(?-i:")
                .trim_start_matches(['(', '?', ':'])
                .chars()
                .next()
        });
        for first in firsts {
            assert!(
                first.is_some_and(|c| c.is_ascii_alphanumeric() || c == '['),
                "{name}"
            );
        }
    }
}

#[test]
fn word_starts_find_what_a_whole_text_scan_finds() {
    let text = "Mayor Mayhew said on Oct. 16-18, 2025 at 10:30 a.m. EST, two weeks ago, that \
                the year-ago quarter's 3rd-quarter results, the 1990s, mid-March and 10/16/2025 \
                (Q3 2024) came twenty-four hours a day, every other Monday, this past weekend.";
    let starts = tagger().match_starts(text);
    for (rank, compiled) in tagger().rules.iter().enumerate() {
        let scanning = tagger().regex(compiled, false);
        let whole =
            |offset: usize, m: Captures| m.get(0).map(|m| offset + m.start()..offset + m.end());
        let scanned: Vec<_> = scanning.captures_iter(text).map(|m| whole(0, m)).collect();
        let anchored = tagger().regex(compiled, true);
        let tried: Vec<_> = matches_at(anchored, text, &starts[rank])
            .map(|(offset, m)| whole(offset, m))
            .collect();
        assert_eq!(scanned, tried, "{}", compiled.rule.name);
    }
}
