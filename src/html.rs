//! The standalone HTML page of `newsmark highlight --format html`.
//!
//! Spans may nest (an entity or a date inside a quotation) or cross each other. The text is cut at
//! every span boundary; over each piece the spans covering it are open, outermost first (earlier
//! start, then longer, a quotation before anything with the same extent). A span whose end crosses
//! an enclosing span's end is closed there and reopened (same `data-span`) after it, so the
//! markup is always well formed.

use std::collections::BTreeSet;

use crate::{Analysis, Kind, ReferenceSource, Span};

const STYLE: &str = "
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
";

const LEGEND: [Kind; 9] = [
    Kind::Person,
    Kind::Organization,
    Kind::Place,
    Kind::Misc,
    Kind::Date,
    Kind::Time,
    Kind::Duration,
    Kind::Set,
    Kind::Quote,
];

/// HTML-escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn class(kind: Kind) -> String {
    kind.label().to_lowercase()
}

/// The tooltip of a span: its kind, then its value, entity name, speaker and cue when present.
fn title(span: &Span, analysis: &Analysis) -> String {
    let mut parts = vec![span.kind.label().to_string()];
    if let Some(value) = &span.value {
        parts.push(format!("value: {value}"));
    }
    if let Some(entity) = span
        .entity
        .and_then(|id| analysis.entities.iter().find(|e| e.id == id))
    {
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

/// The marked-up text: `analysis` holds **byte** offsets into `text`. Spans that are empty or do
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
        out.push_str(&escape(&text[a..b]));
    }
    for _ in &stack {
        out.push_str("</mark>");
    }
    out
}

/// A standalone page showing `text` with the spans of `analysis` (byte offsets) highlighted.
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
            if tag.starts_with("<mark ") {
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
}
