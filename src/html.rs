//! The one HTML renderer of an analysis: `newsmark highlight --format html` prints [`page`], and
//! the page's HTML export renders through the same functions (via the wasm binding). Pure: text
//! in, HTML text out, no web types.
//!
//! - [`page`]`(text, &analysis, title) -> String`: a standalone document (doctype, style, legend,
//!   the reference date, the marked-up text).
//! - [`mark_up`]`(text, &analysis) -> String`: the fragment alone, the text with its `<mark>`s.
//! - [`escape`]`(text) -> String`: text made safe for element content and attribute values.
//!
//! The analysis must hold **byte** offsets into `text`, as [`crate::Analyzer::analyze`] returns
//! them (convert offsets only after rendering). Each span is a `<mark class="person|org|place|
//! misc|date|time|duration|set|quote" data-span="N" title="…">` (`N` the span's rank in nesting
//! order); all text is escaped; bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
//! U+200F, U+061C), NUL and the other control characters but tab and line breaks are shown as
//! visible escapes (`<span class="control">U+202E</span>`; `U+202E` inside attributes), so the
//! text cannot reorder or hide what the page shows.
//!
//! Spans may nest (an entity or a date inside a quotation) or cross each other. The text is cut at
//! every span boundary; over each piece the spans covering it are open, outermost first (earlier
//! start, then longer, a quotation before anything with the same extent). A span whose end crosses
//! an enclosing span's end is closed there and reopened (same `data-span`) after it, so the
//! markup is always well formed.

use std::collections::BTreeSet;

use crate::{Analysis, Kind, ReferenceSource, Span};

/// The style sheet of [`page`] (the classes of the marks and of the control escapes).
pub const STYLE: &str = "
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #222; background: #fff; }
header { font: 14px/1.5 system-ui, sans-serif; color: #555; border-bottom: 1px solid #ddd;
         margin-bottom: 1.5em; }
header h1 { font-size: 18px; margin: 0 0 .3em; color: #222; }
article { white-space: pre-wrap; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.person { background: #ffd8a8; }
mark.org { background: #a5d8ff; }
mark.place { background: #b2f2bb; }
mark.misc { background: #e5dbff; }
mark.date, mark.time, mark.duration, mark.set { background: #fff3bf;
       border-bottom: 2px solid #f59f00; }
mark.quote { background: #f1f3f5; border-left: 3px solid #868e96; font-style: italic; }
.legend mark { font-style: normal; margin-right: .4em; }
.control { font: 11px/1 system-ui, sans-serif; font-style: normal; border: 1px solid #c92a2a;
           color: #c92a2a; border-radius: 2px; padding: 0 2px; margin: 0 1px; }
";

/// The legend's kinds, in the order of the enum.
const LEGEND: [Kind; 9] = Kind::ALL;

/// Whether `c` is shown as a visible escape: bidirectional controls, which would reorder the
/// text around them, and control characters (NUL among them) but tab and line breaks.
fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// HTML-escapes text for element content and attribute values; a bidirectional or other control
/// character becomes the visible text `U+202E`.
pub fn escape(text: &str) -> String {
    escape_with(text, |out, c| out.push_str(&format!("U+{:04X}", c as u32)))
}

/// HTML-escapes text for element content: as [`escape`], with each control character shown as
/// `<span class="control">U+202E</span>`.
fn escape_content(text: &str) -> String {
    escape_with(text, |out, c| {
        out.push_str(&format!(
            "<span class=\"control\">U+{:04X}</span>",
            c as u32
        ));
    })
}

fn escape_with(text: &str, control: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_hidden_control(c) => control(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

fn class(kind: Kind) -> String {
    kind.label().to_lowercase()
}

/// The entity with id `id`: at index `id` (ids are indices), else found by search.
fn entity(analysis: &Analysis, id: usize) -> Option<&crate::Entity> {
    match analysis.entities.get(id) {
        Some(entity) if entity.id == id => Some(entity),
        _ => analysis.entities.iter().find(|e| e.id == id),
    }
}

/// The tooltip of a span: its kind, then its value, entity name, speaker and cue when present.
fn title(span: &Span, analysis: &Analysis) -> String {
    let mut parts = vec![span.kind.label().to_string()];
    if let Some(value) = &span.value {
        parts.push(format!("value: {value}"));
    }
    if let Some(entity) = span.entity.and_then(|id| entity(analysis, id)) {
        if entity.name != span.text {
            parts.push(format!("entity: {}", entity.name));
        }
    }
    if let Some(speaker) = &span.speaker {
        parts.push(format!("speaker: {}", speaker.text));
    }
    if let Some(cue) = &span.cue {
        parts.push(format!("cue: {cue}"));
    }
    parts.join(" · ")
}

/// The marked-up text (an HTML fragment): `analysis` holds **byte** offsets into `text`. Spans that are empty or do
/// not fit the text are left out.
pub fn mark_up(text: &str, analysis: &Analysis) -> String {
    let fits = |s: &&Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut spans: Vec<&Span> = analysis.spans.iter().filter(fits).collect();
    // Rank order = nesting order: outer spans first.
    spans.sort_by_key(|s| {
        (
            s.start,
            std::cmp::Reverse(s.end),
            s.kind != Kind::Quote,
            s.kind,
        )
    });
    let mut by_end: Vec<usize> = (0..spans.len()).collect();
    by_end.sort_by_key(|&i| spans[i].end);
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.extend([0, text.len()]);
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = String::with_capacity(text.len() * 2);
    let mut active = BTreeSet::new();
    let mut stack: Vec<usize> = Vec::new();
    let (mut next_start, mut next_end) = (0, 0);
    for piece in bounds.windows(2) {
        let (a, b) = (piece[0], piece[1]);
        while next_end < by_end.len() && spans[by_end[next_end]].end <= a {
            active.remove(&by_end[next_end]);
            next_end += 1;
        }
        while next_start < spans.len() && spans[next_start].start <= a {
            active.insert(next_start);
            next_start += 1;
        }
        let common = stack
            .iter()
            .zip(&active)
            .take_while(|(x, y)| x == y)
            .count();
        for _ in common..stack.len() {
            out.push_str("</mark>");
        }
        stack.truncate(common);
        for &rank in active.iter().skip(common) {
            let span = spans[rank];
            out.push_str(&format!(
                "<mark class=\"{}\" data-span=\"{rank}\" title=\"{}\">",
                class(span.kind),
                escape(&title(span, analysis))
            ));
            stack.push(rank);
        }
        out.push_str(&escape_content(&text[a..b]));
    }
    for _ in &stack {
        out.push_str("</mark>");
    }
    out
}

/// A standalone page showing `text` with the spans of `analysis` (byte offsets) highlighted,
/// titled `name` (escaped).
pub fn page(text: &str, analysis: &Analysis, name: &str) -> String {
    let legend: Vec<String> = LEGEND
        .iter()
        .map(|&k| format!("<mark class=\"{}\">{}</mark>", class(k), k.label()))
        .collect();
    let reference = match &analysis.reference_date {
        Some(r) => format!(
            "<p class=\"reference\">Relative dates resolved against {} ({}).</p>\n",
            escape(&r.date),
            match r.source {
                ReferenceSource::Option => "given",
                ReferenceSource::Dateline => "from the dateline",
            }
        ),
        None => "<p class=\"reference\">No reference date: relative dates are not resolved.</p>\n"
            .to_string(),
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsmark: {name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{name}</h1>\n<p class=\"legend\">{}</p>\n{reference}</header>\n\
         <article>{}</article>\n</body>\n</html>\n",
        legend.join(" "),
        mark_up(text, analysis),
        name = escape(name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, start: usize, end: usize, kind: Kind) -> Span {
        Span::new(text, start, end, kind)
    }

    /// Checks that every `<mark ...>` is closed in order, and returns the text without tags.
    fn check_nesting(html: &str) -> String {
        let mut depth = 0i32;
        let mut plain = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            plain.push_str(&rest[..i]);
            let j = rest[i..].find('>').expect("tag closes") + i;
            let tag = &rest[i..=j];
            if tag == "<span class=\"control\">" || tag == "</span>" {
                // A control escape: not a mark.
            } else if tag.starts_with("<mark ") {
                depth += 1;
            } else if tag == "</mark>" {
                depth -= 1;
                assert!(depth >= 0, "close without open in {html}");
            } else {
                panic!("unexpected tag {tag}");
            }
            rest = &rest[j + 1..];
        }
        plain.push_str(rest);
        assert_eq!(depth, 0, "unclosed marks in {html}");
        plain
    }

    #[test]
    fn nested_and_crossing_spans_are_well_formed() {
        let text = "He said \"Putin <b> will come\" on Friday 😀.";
        let q0 = text.find('"').unwrap();
        let q1 = text.rfind('"').unwrap() + 1;
        let p0 = text.find("Putin").unwrap();
        let f0 = text.find("Friday").unwrap();
        let analysis = Analysis {
            spans: vec![
                span(text, q0, q1, Kind::Quote),
                span(text, p0, p0 + 5, Kind::Person),
                // Crosses the quote's end.
                span(text, text.find("come").unwrap(), f0 + 6, Kind::Date),
                span(text, f0, f0 + 6, Kind::Date),
                // Same extent as the quote: nests inside it.
                span(text, q0, q1, Kind::Misc),
                // Out of range, empty, and inside a multi-byte character: left out.
                span(text, 0, 0, Kind::Misc),
                Span {
                    end: text.len() + 3,
                    ..span(text, 0, 2, Kind::Misc)
                },
                Span {
                    start: text.len() - 3,
                    ..span(text, text.len() - 1, text.len(), Kind::Misc)
                },
            ],
            ..Analysis::default()
        };
        let html = mark_up(text, &analysis);
        let plain = check_nesting(&html);
        assert_eq!(plain, escape(text));
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.starts_with("He said <mark class=\"quote\" data-span=\"0\""));
        assert!(html.contains("<mark class=\"misc\" data-span=\"1\""));
        // The crossing date is split in two pieces with the same data-span.
        assert_eq!(html.matches("class=\"date\" data-span=\"3\"").count(), 2);
        assert_eq!(html.matches("<mark ").count(), 6);
    }

    #[test]
    fn page_escapes_everything() {
        let text = "<script>alert('x')</script> & more";
        let analysis = Analysis {
            spans: vec![span(text, 0, 8, Kind::Misc)],
            ..Analysis::default()
        };
        let html = page(text, &analysis, "a<b>.txt");
        assert!(html.starts_with("<!doctype html>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("&lt;/script&gt; &amp; more"));
        assert!(html.contains("<title>newsmark: a&lt;b&gt;.txt</title>"));
    }

    /// Issue 17, defect 10: bidi controls and NUL were written raw.
    #[test]
    fn bidi_controls_and_nul_are_visible_escapes() {
        let text = "Trump\u{202e}said\0“hi”\u{2066}x\u{200f}\tend\n";
        let analysis = Analysis {
            spans: vec![span(text, 0, 5, Kind::Person)],
            ..Analysis::default()
        };
        let html = page(text, &analysis, "a\u{202e}b\0.txt");
        for raw in ['\u{202e}', '\0', '\u{2066}', '\u{200f}'] {
            assert!(!html.contains(raw), "{raw:?} written raw");
        }
        assert!(html.contains("Trump</mark><span class=\"control\">U+202E</span>said"));
        assert!(html.contains("<span class=\"control\">U+0000</span>"));
        assert!(html.contains("<span class=\"control\">U+2066</span>"));
        assert!(html.contains("\tend\n"), "tab and line break kept");
        assert!(html.contains("<title>newsmark: aU+202EbU+0000.txt</title>"));
        let fragment = mark_up(text, &analysis);
        check_nesting(&fragment);
    }
}
