//! Tests of quotation finding: speakers, cues, terms, broken and continued quotations, odd
//! inputs.

use super::*;
use crate::entities::EntityRecognizer;

/// Quotations of `text` as (quote, speaker, cue), with entities recognized first.
fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let doc = Document::new(text);
    let entities = EntityRecognizer::new().recognize(&doc);
    QuoteFinder::new()
        .find(&doc, &entities.spans)
        .into_iter()
        .map(|s| (s.text, s.speaker.map(|p| p.text), s.cue))
        .collect()
}

fn quote(
    text: &str,
    speaker: Option<&str>,
    cue: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (
        text.to_string(),
        speaker.map(String::from),
        cue.map(String::from),
    )
}

/// Quote spans of `text`, entities recognized first.
fn spans(text: &str) -> (Vec<Span>, Vec<crate::Entity>) {
    let doc = Document::new(text);
    let entities = EntityRecognizer::new().recognize(&doc);
    (
        QuoteFinder::new().find(&doc, &entities.spans),
        entities.entities,
    )
}

fn kinds(text: &str) -> Vec<(String, QuoteKind)> {
    spans(text)
        .0
        .into_iter()
        .map(|s| (s.text, s.quote.unwrap()))
        .collect()
}

#[test]
fn the_sample_article() {
    let text = include_str!("../../www/sample.txt");
    let (found, entities) = spans(text);
    let trump = entities.iter().find(|e| e.name == "Trump").unwrap().id;
    let speech: Vec<&Span> = found
        .iter()
        .filter(|s| s.quote == Some(QuoteKind::Speech))
        .collect();
    assert_eq!(speech.len(), 2);
    for span in speech {
        assert_eq!(span.cue.as_deref(), Some("wrote"));
        let speaker = span.speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.text.as_str(), speaker.entity),
            ("Trump", Some(trump))
        );
    }
    let terms: Vec<&str> = found
        .iter()
        .filter(|s| s.quote == Some(QuoteKind::Term))
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(terms, ["“peace through strength”"]);
}

#[test]
fn a_quotation_broken_by_its_attribution_links_its_parts() {
    let (found, _) = spans("“We will win,” he said, “and we will win big.” Then he left.");
    let parts: Vec<(&str, Option<&str>, Option<usize>)> = found
        .iter()
        .map(|s| {
            let speaker = s.speaker.as_ref().map(|p| p.text.as_str());
            (s.text.as_str(), speaker, s.continues)
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("“We will win,”", Some("he"), None),
            ("“and we will win big.”", Some("he"), Some(0))
        ]
    );
    // Two speakers: no link.
    let (found, _) = spans("“Yes,” said Ann. Bob said: “No.”");
    assert_eq!(
        found.iter().map(|s| s.continues).collect::<Vec<_>>(),
        [None, None]
    );
}

#[test]
fn the_link_points_into_the_analysis_spans() {
    let text = "“We will win,” Jane Doe said on Friday, “and we will win big.”";
    let analysis = crate::Analyzer::new(crate::Options::default()).analyze(text);
    let second = analysis
        .spans
        .iter()
        .find(|s| s.text == "“and we will win big.”")
        .unwrap();
    let first = &analysis.spans[second.continues.unwrap()];
    assert_eq!(first.text, "“We will win,”");
    assert_eq!(first.kind, Kind::Quote);
}

#[test]
fn speaker_after_the_quote() {
    assert_eq!(
        quotes("“It went well,” Trump wrote."),
        [quote("“It went well,”", Some("Trump"), Some("wrote"))]
    );
    assert_eq!(
        quotes("“We will win,” said Tom Suozzi, a Democrat from New York."),
        [quote("“We will win,”", Some("Tom Suozzi"), Some("said"))]
    );
    // A verb not in the table, after a comma inside the marks.
    assert_eq!(
        quotes("“Nobody!” the crowd roared."),
        [quote("“Nobody!”", Some("the crowd"), Some("roared"))]
    );
    assert_eq!(
        quotes("“It is a failure,” they conclude."),
        [quote("“It is a failure,”", Some("they"), Some("conclude"))]
    );
}

#[test]
fn speaker_before_the_quote() {
    assert_eq!(
        quotes("Trump said: “It went well.”"),
        [quote("“It went well.”", Some("Trump"), Some("said"))]
    );
    assert_eq!(
        quotes("Trump wrote in a post, “It went well.”"),
        [quote("“It went well.”", Some("Trump"), Some("wrote"))]
    );
    // The participle's subject is the sentence's, not the nearest name.
    assert_eq!(
        quotes("Senator Bob Smith attacked President Barack Obama, calling him “the worst.”"),
        [quote("“the worst.”", Some("Bob Smith"), Some("calling"))]
    );
    // "said on CNN.": a name in the words after the cue is no speaker.
    assert_eq!(
        quotes("“We won,” Carson said on CNN. “It was close.”")[1],
        quote("“It was close.”", Some("Carson"), Some("said"))
    );
    // "told CNN": the listener is not the speaker.
    assert_eq!(
        quotes("“It is over,” Kaine told CNN. “We won.”"),
        [
            quote("“It is over,”", Some("Kaine"), Some("told")),
            quote("“We won.”", Some("Kaine"), Some("told"))
        ]
    );
}

#[test]
fn pronouns_link_to_the_nearest_person() {
    let text = "Angela Merkel met Emmanuel Macron in Paris. “It went well,” he said.";
    let (found, entities) = spans(text);
    let macron = entities
        .iter()
        .find(|e| e.name == "Emmanuel Macron")
        .unwrap()
        .id;
    let speaker = found[0].speaker.as_ref().unwrap();
    assert_eq!(
        (speaker.text.as_str(), speaker.entity),
        ("he", Some(macron))
    );
}

#[test]
fn a_dash_and_a_name_ending_the_paragraph_sign_the_quote() {
    let text = "“We deserve better.” ― Ana Ruiz\n“Vote them out.” — Carlos Raúl.\n";
    assert_eq!(
        quotes(text),
        [
            quote("“We deserve better.”", Some("Ana Ruiz"), None),
            quote("“Vote them out.”", Some("Carlos Raúl"), None)
        ]
    );
    // A dash going on with the sentence signs nothing.
    let (found, _) = spans("Smith said “never again” — Jones Street was closed.");
    assert_eq!(found[0].speaker.as_ref().unwrap().text, "Smith");
}

#[test]
fn the_clause_before_a_colon_names_the_speaker() {
    // Its own subject, not the speaker of the quotation before it.
    assert_eq!(
        quotes("“Move on,” said Stephen Loomis. Gov. John Kasich resisted: “Not yet.”")[1],
        quote("“Not yet.”", Some("John Kasich"), None)
    );
    // The clause after the last comma.
    assert_eq!(
        quotes("She got upset, and drove badly, that I had to change my answer: “I lied.”")[0].1,
        Some("I".to_string())
    );
    assert_eq!(
        quotes("Another person tweeted: “Ouch.”")[0],
        quote("“Ouch.”", Some("Another person"), Some("tweeted"))
    );
    assert_eq!(
        quotes("Trump spoke. Rubio fired back: “They will sue.”")[0],
        quote("“They will sue.”", Some("Rubio"), Some("fired back"))
    );
}

#[test]
fn a_transcript_label_names_the_speaker() {
    // The label is no part of what was said.
    let text = "\"WALLACE: Will she be there?\n\n\"PENCE: She will not be there.\n";
    assert_eq!(
        quotes(text),
        [
            quote("Will she be there?", Some("WALLACE"), None),
            quote("She will not be there.", Some("PENCE"), None)
        ]
    );
    // Capitals inside ordinary speech are no label.
    assert_eq!(
        quotes("“NATO is obsolete: we pay too much,” Trump said.")[0].1,
        Some("Trump".to_string())
    );
}

#[test]
fn a_pronoun_right_after_its_name_gives_the_name() {
    assert_eq!(
        quotes("Senator Ted Cruz railed against what he calls the “Washington cartel.”"),
        [quote(
            "“Washington cartel.”",
            Some("Ted Cruz"),
            Some("calls")
        )]
    );
    // Past a comma the pronoun is kept, as written.
    assert_eq!(
        quotes("When Donald Trump ran in 2015, he called them “criminals.”")[0].1,
        Some("he".to_string())
    );
}

#[test]
fn non_person_sources() {
    assert_eq!(
        quotes("“We regret the delay,” the letter said."),
        [quote(
            "“We regret the delay,”",
            Some("the letter"),
            Some("said")
        )]
    );
    assert_eq!(
        quotes("“No comment,” a spokeswoman said."),
        [quote("“No comment,”", Some("a spokeswoman"), Some("said"))]
    );
    assert_eq!(
        quotes("According to the statement, “the talks will go on.”"),
        [quote(
            "“the talks will go on.”",
            Some("the statement"),
            Some("According to")
        )]
    );
}

#[test]
fn quoted_fragment_in_indirect_speech_is_speech() {
    assert_eq!(
        quotes("He called it “a disaster” on Friday."),
        [quote("“a disaster”", Some("He"), Some("called"))]
    );
    assert_eq!(
        kinds("He called it “a disaster” on Friday.")[0].1,
        QuoteKind::Speech
    );
}

#[test]
fn the_subject_after_an_opening_phrase_owns_a_fragment() {
    let (found, _) = spans(
        "Instead, the statement talked about giving voters the right to “determine who \
             they want as president and what the party should be.”",
    );
    assert_eq!(found[0].speaker.as_ref().unwrap().text, "the statement");
}

#[test]
fn terms_are_not_speech() {
    assert_eq!(
        kinds("The “Gang of Eight” bill stalled. She starred in “The Post” last year."),
        [
            ("“Gang of Eight”".to_string(), QuoteKind::Term),
            ("“The Post”".to_string(), QuoteKind::Term)
        ]
    );
    // A term has no cue; a possessive names whose term it is.
    let (found, _) = spans("They back Trump’s “peace through strength” strategy, they argue.");
    assert_eq!(found[0].quote, Some(QuoteKind::Term));
    assert_eq!(found[0].cue, None);
    assert_eq!(found[0].speaker.as_ref().unwrap().text, "Trump");
    // Speech opening its sentence, however short.
    assert_eq!(kinds("“No.”")[0].1, QuoteKind::Speech);
}

#[test]
fn straight_guillemet_and_german_marks() {
    assert_eq!(
        quotes("Merkel said: \"We can do it.\""),
        [quote("\"We can do it.\"", Some("Merkel"), Some("said"))]
    );
    assert_eq!(
        quotes("Macron said: « We will win. »"),
        [quote("« We will win. »", Some("Macron"), Some("said"))]
    );
    assert_eq!(
        quotes("Merkel said: „Wir schaffen das.“ Then she left."),
        [quote("„Wir schaffen das.“", Some("Merkel"), Some("said"))]
    );
}

#[test]
fn multi_paragraph_quotation() {
    let text = "Smith said: “The first paragraph goes on.\n\n“The second one ends.”";
    assert_eq!(
        quotes(text),
        [
            quote("“The first paragraph goes on.", Some("Smith"), Some("said")),
            quote("“The second one ends.”", Some("Smith"), Some("said"))
        ]
    );
}

#[test]
fn unclosed_quote_at_the_end_of_the_text() {
    assert_eq!(
        quotes("Smith said: “We will never"),
        [quote("“We will never", Some("Smith"), Some("said"))]
    );
}

#[test]
fn apostrophes_and_nesting() {
    assert_eq!(
        kinds("Don’t blame the ’90s or the Joneses’ house."),
        [] as [(String, QuoteKind); 0]
    );
    assert_eq!(
        quotes("“He called it ‘a total disaster’ today,” she said."),
        [quote(
            "“He called it ‘a total disaster’ today,”",
            Some("she"),
            Some("said")
        )]
    );
}

#[test]
fn stress_inputs_stay_linear_and_do_not_panic() {
    let inputs = [
        "“".repeat(100_000),
        "“a ".repeat(50_000) + &"” he said, ".repeat(50_000),
        "‘“".repeat(20_000) + &"”’".repeat(20_000),
        "he said: “".to_string() + &"x\r\n".repeat(10_000),
        "😀 “😀,” 😀 said. ‘’ „“ «» ".repeat(5_000),
        // One run-on line of quoted terms: no search may go back to its start each time.
        "He said x “a b c” y ".repeat(20_000),
    ];
    for input in &inputs {
        let (found, _) = spans(input);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
        for span in &found {
            assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
            if let Some(i) = span.continues {
                assert!(found[i].end <= span.start);
            }
        }
    }
}

#[test]
fn sample_quotes_are_trumps_and_link_his_entity() {
    let text = "President Trump said Thursday he plans to meet with Russian President \
                    Vladimir Putin in Budapest.\n“I believe great progress was made with today’s \
                    telephone conversation,” Trump wrote in a social media post.\n“I actually \
                    believe that the Success in the Middle East will help,” Trump wrote.";
    let doc = Document::new(text);
    let entities = EntityRecognizer::new().recognize(&doc);
    let trump = entities
        .entities
        .iter()
        .find(|e| e.name == "Trump")
        .unwrap()
        .id;
    let found = QuoteFinder::new().find(&doc, &entities.spans);
    assert_eq!(found.len(), 2);
    for span in &found {
        assert_eq!(span.kind, Kind::Quote);
        assert_eq!(span.cue.as_deref(), Some("wrote"));
        let speaker = span.speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.text.as_str(), speaker.entity),
            ("Trump", Some(trump))
        );
    }
    assert!(found[0].text.starts_with("“I believe great progress"));
    assert!(found[1].text.starts_with("“I actually believe"));
}

#[test]
fn a_quote_goes_on_with_the_speaker_before_it() {
    assert_eq!(
        quotes("“One,” said Caddell. “Two.”\n“Three.”"),
        [
            quote("“One,”", Some("Caddell"), Some("said")),
            quote("“Two.”", Some("Caddell"), Some("said")),
            // A paragraph of its own goes on with the speaker of the one before.
            quote("“Three.”", Some("Caddell"), Some("said"))
        ]
    );
}

#[test]
fn an_unclosed_paragraph_continues_into_the_next() {
    assert_eq!(
        quotes("Caddell said: “One thing\n“Another thing.”"),
        [
            quote("“One thing", Some("Caddell"), Some("said")),
            quote("“Another thing.”", Some("Caddell"), Some("said"))
        ]
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let many = "\"".repeat(100_000);
    let inputs = [
        "",
        "“",
        "”he said",
        "😀 “😀,” 😀 said.",
        "a\r\n“b\r\nc”\r\n",
        many.as_str(),
    ];
    for input in inputs {
        let found = quotes(input);
        assert!(found.len() <= 1, "{input:?}");
    }
    assert_eq!(
        quotes("😀 “😀 x,” he said."),
        [quote("“😀 x,”", Some("he"), Some("said"))]
    );
}
