//! The public API: options, the analyzer, and the shape of its result.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::dates::{Date, DateTagger};
use crate::entities::EntityRecognizer;
use crate::quotes::QuoteFinder;
use crate::text::Document;

/// What kind of thing a span marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Misc,
    Date,
    Time,
    Duration,
    Set,
    Quote,
}

impl Kind {
    /// Every kind, in the order of the enum.
    pub const ALL: [Kind; 9] = [
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

    /// The name the serialized analysis uses ("person", "organization", …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Misc => "misc",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Set => "set",
            Kind::Quote => "quote",
        }
    }

    /// The kind of a [`Kind::name`].
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// The label of the corpus format (`../shared/corpus/FORMAT.md`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Organization => "ORG",
            Kind::Place => "PLACE",
            Kind::Misc => "MISC",
            Kind::Date => "DATE",
            Kind::Time => "TIME",
            Kind::Duration => "DURATION",
            Kind::Set => "SET",
            Kind::Quote => "QUOTE",
        }
    }

    pub fn is_entity(self) -> bool {
        matches!(
            self,
            Kind::Person | Kind::Organization | Kind::Place | Kind::Misc
        )
    }

    pub fn is_temporal(self) -> bool {
        matches!(self, Kind::Date | Kind::Time | Kind::Duration | Kind::Set)
    }

    pub fn layer(self) -> Layer {
        if self.is_entity() {
            Layer::Entities
        } else if self.is_temporal() {
            Layer::Dates
        } else {
            Layer::Quotes
        }
    }
}

/// A range of the text, `start..end` (byte offsets in the Rust API).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Extent {
    pub start: usize,
    pub end: usize,
}

/// Who a quotation is attributed to, as written next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The entity the speaker mention belongs to, when it is a named entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// What a quotation is: words someone said or wrote, or a quoted term (a title, a nickname,
/// scare quotes) that no one is quoted as saying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Speech,
    Term,
}

/// One highlighted stretch of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    /// TIMEX3 value of a date, time, duration or set (`2025-10-16`, `2025-W43`, `PT2H`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// TIMEX3 `mod` of a date, time or duration, serialized as `mod`: `APPROX` ("about two
    /// years"), `LESS_THAN` ("nearly", "less than"), `MORE_THAN` ("more than", "over"),
    /// `EQUAL_OR_MORE` ("at least"), `EQUAL_OR_LESS` ("at most"), `START` ("early June", "the
    /// beginning of the year"), `MID` ("mid-November"), `END` ("late last June", "the end of
    /// the year").
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Of a clock time: its time zone as written, in capitals ("CDT", "GMT"); the value itself
    /// stays the local time written ("7 p.m. CDT" is `…T19:00` with zone `CDT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Id of the entity (in [`Analysis::entities`]) an entity mention belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// Speaker of a quotation, when attributed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The verb or phrase attributing a quotation ("said", "wrote", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Of a quotation: whether it is speech or a quoted term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<QuoteKind>,
    /// Of a later part of a quotation broken by its attribution (`“A,” he said, “B.”`): the
    /// index in [`Analysis::spans`] of the part it continues.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continues: Option<usize>,
}

impl Span {
    /// A span with no kind-specific fields; `text` is taken from `source`.
    pub fn new(source: &str, start: usize, end: usize, kind: Kind) -> Span {
        Span {
            start,
            end,
            text: source[start..end].to_string(),
            kind,
            value: None,
            modifier: None,
            zone: None,
            entity: None,
            speaker: None,
            cue: None,
            quote: None,
            continues: None,
        }
    }
}

/// Turns each quote's `continues`, an index among the quotes (in text order, as the quote layer
/// gives them), into an index among all the sorted spans.
fn relink_quotes(spans: &mut [Span]) {
    let positions: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == Kind::Quote)
        .map(|(i, _)| i)
        .collect();
    for span in spans.iter_mut() {
        span.continues = span.continues.and_then(|q| positions.get(q).copied());
    }
}

/// One distinct entity with all its mentions ("Vladimir Putin" … "Putin").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub kind: Kind,
    /// The longest name the text uses for it.
    pub name: String,
    /// Titles written right before its mentions ("President", "Secretary of State"), each once,
    /// in order of first use; the titles are never part of the mention spans.
    pub titles: Vec<String>,
    pub mentions: Vec<Extent>,
}

/// Where the reference date of an analysis came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceSource {
    /// Given in [`Options::reference_date`].
    Option,
    /// Stated by the article itself, in its dateline or published line.
    Dateline,
}

/// The date relative expressions were resolved against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    /// ISO `YYYY-MM-DD`.
    pub date: String,
    pub source: ReferenceSource,
    /// Where the text states it (for [`ReferenceSource::Dateline`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// The result of [`Analyzer::analyze`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Every highlight, sorted by start (then longest first).
    pub spans: Vec<Span>,
    /// Each distinct entity once, in order of first mention.
    pub entities: Vec<Entity>,
    /// `None` when there was no option and the text states no date.
    pub reference_date: Option<ReferenceDate>,
}

impl Analysis {
    /// Rewrites every offset with `convert` (used once, at the API boundaries, to turn byte
    /// offsets into UTF-16 or code-point offsets).
    pub fn map_offsets(&mut self, mut convert: impl FnMut(usize) -> usize) {
        for span in &mut self.spans {
            span.start = convert(span.start);
            span.end = convert(span.end);
            if let Some(speaker) = &mut span.speaker {
                speaker.start = convert(speaker.start);
                speaker.end = convert(speaker.end);
            }
        }
        for mention in self.entities.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            mention.start = convert(mention.start);
            mention.end = convert(mention.end);
        }
        if let Some(reference) = &mut self.reference_date {
            reference.start = reference.start.map(&mut convert);
            reference.end = reference.end.map(&mut convert);
        }
    }
}

/// The three layers of analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Entities,
    Dates,
    Quotes,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Entities, Layer::Dates, Layer::Quotes];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Entities => "entities",
            Layer::Dates => "dates",
            Layer::Quotes => "quotes",
        }
    }
}

impl FromStr for Layer {
    type Err = Error;

    fn from_str(name: &str) -> Result<Layer, Error> {
        Layer::ALL
            .into_iter()
            .find(|layer| layer.name() == name)
            .ok_or_else(|| Error::UnknownLayer(name.to_string()))
    }
}

/// A problem with the options given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    UnknownLayer(String),
    BadDate(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownLayer(name) => write!(
                f,
                "unknown layer {}: expected \"entities\", \"dates\" or \"quotes\"",
                excerpt(name)
            ),
            Error::BadDate(text) => write!(
                f,
                "malformed reference date {}: expected an ISO date YYYY-MM-DD",
                excerpt(text)
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Characters of a value that an error message quotes; a longer value is cut there.
const EXCERPT_CHARS: usize = 40;

/// `value` quoted for an error message (as `{:?}` does), cut after [`EXCERPT_CHARS`] characters
/// with its length said, so that a huge bad value is never echoed whole.
pub(crate) fn excerpt(value: &str) -> String {
    match value.char_indices().nth(EXCERPT_CHARS) {
        None => format!("{value:?}"),
        Some((cut, _)) => format!(
            "{:?}… ({} characters)",
            &value[..cut],
            value.chars().count()
        ),
    }
}

/// How to analyze.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The date relative expressions ("Thursday", "next week") resolve against. When `None`,
    /// the date the article states in its dateline is used, if any.
    pub reference_date: Option<Date>,
    /// Which layers to run; all three by default.
    pub layers: Vec<Layer>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            reference_date: None,
            layers: Layer::ALL.to_vec(),
        }
    }
}

impl Options {
    fn runs(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }
}

/// Holds everything built once (lexicons, compiled patterns); analyzing is then cheap.
pub struct Analyzer {
    options: Options,
    entities: EntityRecognizer,
    dates: DateTagger,
    quotes: QuoteFinder,
}

impl Analyzer {
    pub fn new(options: Options) -> Analyzer {
        Analyzer {
            options,
            entities: EntityRecognizer::new(),
            dates: DateTagger::new(),
            quotes: QuoteFinder::new(),
        }
    }

    /// An analyzer whose entity layer reads the model file `model` (as `newsmark train-ner`
    /// writes it) instead of the embedded one; `None` when `model` is no such file.
    pub fn with_entity_model(options: Options, model: &[u8]) -> Option<Analyzer> {
        Some(Analyzer {
            options,
            entities: EntityRecognizer::with_model(model)?,
            dates: DateTagger::new(),
            quotes: QuoteFinder::new(),
        })
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyzes `text` with the analyzer's options.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_with(text, &self.options)
    }

    /// Analyzes `text` with other options, reusing what the analyzer has built.
    pub fn analyze_with(&self, text: &str, options: &Options) -> Analysis {
        let document = Document::new(text);
        let reference_date = self.reference_date(&document, options);
        let mut analysis = Analysis {
            reference_date: reference_date.clone(),
            ..Analysis::default()
        };
        // Quotes link their speakers to entities, so entities run first whenever quotes run.
        let entity_layer = if options.runs(Layer::Entities) || options.runs(Layer::Quotes) {
            self.entities.recognize(&document)
        } else {
            Default::default()
        };
        if options.runs(Layer::Quotes) {
            let mut quotes = self.quotes.find(&document, &entity_layer.spans);
            if !options.runs(Layer::Entities) {
                // The entities are not in the result: a speaker cannot point at one.
                for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
                    speaker.entity = None;
                }
            }
            analysis.spans.extend(quotes);
        }
        let quotes_have_links = analysis.spans.iter().any(|s| s.continues.is_some());
        if options.runs(Layer::Entities) {
            analysis.spans.extend(entity_layer.spans);
            analysis.entities = entity_layer.entities;
        }
        if options.runs(Layer::Dates) {
            let reference = reference_date.as_ref().and_then(|r| r.date.parse().ok());
            analysis.spans.extend(self.dates.tag(&document, reference));
        }
        analysis
            .spans
            .sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        if quotes_have_links {
            relink_quotes(&mut analysis.spans);
        }
        analysis
    }

    fn reference_date(&self, document: &Document, options: &Options) -> Option<ReferenceDate> {
        if let Some(date) = options.reference_date {
            return Some(ReferenceDate {
                date: date.to_string(),
                source: ReferenceSource::Option,
                start: None,
                end: None,
            });
        }
        let (date, extent) = self.dates.dateline(document)?;
        Some(ReferenceDate {
            date: date.to_string(),
            source: ReferenceSource::Dateline,
            start: Some(extent.start),
            end: Some(extent.end),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_serialized_names() {
        for kind in Kind::ALL {
            let serialized = serde_json::to_value(kind).unwrap();
            assert_eq!(serialized.as_str(), Some(kind.name()));
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(Kind::from_name("PERSON"), None);
    }

    #[test]
    fn an_entity_model_file_is_read_or_refused() {
        let model = crate::entities::MODEL;
        let text = "Vladimir Putin met Xi Jinping in Beijing, the Kremlin said.";
        let embedded = Analyzer::new(Options::default()).analyze(text);
        let same = Analyzer::with_entity_model(Options::default(), model).unwrap();
        assert_eq!(same.analyze(text), embedded);
        assert!(Analyzer::with_entity_model(Options::default(), b"").is_none());
        assert!(Analyzer::with_entity_model(Options::default(), b"{\"id\": 1}").is_none());
        // A damaged file is refused, or read without a panic.
        for cut in (0..model.len()).step_by(4_999) {
            assert!(Analyzer::with_entity_model(Options::default(), &model[..cut]).is_none());
            let mut flipped = model.to_vec();
            flipped[cut] ^= 0xa5;
            if let Some(analyzer) = Analyzer::with_entity_model(Options::default(), &flipped) {
                analyzer.analyze(text);
            }
        }
    }

    #[test]
    fn errors_quote_a_long_bad_value_only_in_part() {
        let short = Error::BadDate("16/10/2025".to_string()).to_string();
        assert_eq!(
            short,
            "malformed reference date \"16/10/2025\": expected an ISO date YYYY-MM-DD"
        );
        let long = Error::UnknownLayer("é".repeat(1_000_000)).to_string();
        assert!(long.len() < 200, "{long}");
        assert!(long.contains("(1000000 characters)"), "{long}");
        assert!(long.starts_with(&format!("unknown layer \"{}\"…", "é".repeat(40))));
    }
}
