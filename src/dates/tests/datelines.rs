//! The date an article states in its dateline or published line.

use super::*;

#[test]
fn dateline_of_a_document() {
    let tagger = tagger();
    let text = "Headline here\nThursday, October 16, 2025\nTrump said Thursday.";
    let (date, extent) = tagger.dateline(&Document::new(text)).unwrap();
    assert_eq!(date.to_string(), "2025-10-16");
    assert_eq!(
        &text[extent.start..extent.end],
        "Thursday, October 16, 2025"
    );
    assert_eq!(
        tagger.dateline(&Document::new("WASHINGTON (AP) — Trump said.")),
        None
    );
}

#[test]
fn datelines_and_published_lines() {
    let tagger = tagger();
    let found = |text: &str| {
        tagger
            .dateline(&Document::new(text))
            .map(|(date, extent)| (date.to_string(), text[extent.start..extent.end].to_string()))
    };
    assert_eq!(
        found("Headline\nFriday, July 21, 2017\nThe mayor said Friday."),
        Some((
            "2017-07-21".to_string(),
            "Friday, July 21, 2017".to_string()
        ))
    );
    assert_eq!(
        found("Headline\nPublished Oct. 16, 2025\nThe mayor spoke."),
        Some(("2025-10-16".to_string(), "Oct. 16, 2025".to_string()))
    );
    assert_eq!(
        found("LONDON 1996-08-30\nShares rose on Friday."),
        Some(("1996-08-30".to_string(), "1996-08-30".to_string()))
    );
    assert_eq!(found("WASHINGTON (AP) — The president said Friday."), None);
    assert_eq!(
        found("The mayor said on Oct. 16, 2025 that taxes rise."),
        None
    );
}
