//! The WebAssembly binding: a thin layer over the pure API. It parses JS options, runs the
//! analyzer, and converts every offset to UTF-16 code units once, here, so that in JavaScript
//! `text.slice(span.start, span.end) === span.text`. The painter (`painter` and the modules it
//! uses) highlights an element's text in place with the CSS Custom Highlight API.

mod bindings;
mod dom_text;
mod edit;
mod overlay;
mod painter;
mod viewport;

mod memory;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::offsets::{convert_analysis, Unit};
use crate::{Analysis, Analyzer, Date, Kind, Layer, Options};

/// Options as JavaScript passes them: `{ referenceDate?: string | null, layers?: string[] }`.
/// Read field by field (not with a derived struct) so that a misspelt or mistyped option gets a
/// message naming it instead of being ignored.
#[derive(Default)]
struct JsOptions {
    /// `Some(None)` for `null`: no reference date (the dateline's), even if the analyzer has one.
    reference_date: Option<Option<String>>,
    layers: Option<Vec<String>>,
}

/// One field's value, kept as the JavaScript value it is, so its type can be told exactly.
#[derive(Deserialize)]
struct Field(#[serde(with = "serde_wasm_bindgen::preserve")] JsValue);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> JsValue;
    /// `Object.prototype.toString.call(value)`: "[object Map]", "[object Date]", …
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn object_tag(value: &JsValue) -> String;
}

/// An object literal (or `Object.create(null)`), from any realm: not a Map, Date, array or
/// class instance, whose fields are not options.
fn is_plain_object(value: &JsValue) -> bool {
    if !value.is_object() || value.is_array() {
        return false;
    }
    let prototype = prototype_of(value);
    prototype.is_null() || prototype_of(&prototype).is_null()
}

/// What a value is, for an error message: "a symbol", "a Map", "a String object", "the number 42".
fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return format!("the string {}", crate::analysis::excerpt(&text));
    }
    if let Some(number) = value.as_f64() {
        return format!("the number {number}");
    }
    if let Some(flag) = value.as_bool() {
        return format!("{flag}");
    }
    if value.is_array() {
        return "an array".to_string();
    }
    if value.is_function() {
        return "a function".to_string();
    }
    if value.is_symbol() {
        return "a symbol".to_string();
    }
    if value.is_bigint() {
        return "a bigint".to_string();
    }
    let tag = object_tag(value);
    let name = tag
        .strip_prefix("[object ")
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or("object");
    match name {
        "String" | "Number" | "Boolean" => format!("a {name} object"),
        _ => format!("a {name}"),
    }
}

fn option_error(name: &str, expected: &str, value: &JsValue) -> JsError {
    JsError::new(&format!(
        "newsmark option {name} must be {expected}, got {}",
        describe(value)
    ))
}

impl JsOptions {
    fn from_js(value: JsValue) -> Result<Option<JsOptions>, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        if !is_plain_object(&value) {
            return Err(JsError::new(&format!(
                "newsmark options must be a plain object such as {{ referenceDate: \"2025-10-16\" }}, got {}",
                describe(&value)
            )));
        }
        let fields: BTreeMap<String, Field> = serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("invalid newsmark options: {e}")))?;
        let mut options = JsOptions::default();
        for (name, Field(value)) in fields {
            match name.as_str() {
                "referenceDate" => options.reference_date = reference_date(value)?,
                "layers" => options.layers = layers(value)?,
                other => {
                    return Err(JsError::new(&format!(
                        "unknown newsmark option {}: expected referenceDate or layers",
                        crate::analysis::excerpt(other)
                    )))
                }
            }
        }
        Ok(Some(options))
    }

    /// `base` with the fields given here replaced.
    fn apply(self, base: &Options) -> Result<Options, JsError> {
        let mut options = base.clone();
        if let Some(date) = self.reference_date {
            options.reference_date = date
                .map(|date| date.parse::<Date>())
                .transpose()
                .map_err(to_js_error)?;
        }
        if let Some(layers) = self.layers {
            options.layers = layers
                .iter()
                .map(|name| name.parse::<Layer>())
                .collect::<Result<_, _>>()
                .map_err(to_js_error)?;
        }
        Ok(options)
    }
}

/// `referenceDate`: absent (`undefined`), `null` (the dateline's date), or an ISO date string.
fn reference_date(value: JsValue) -> Result<Option<Option<String>>, JsError> {
    if value.is_undefined() {
        Ok(None)
    } else if value.is_null() {
        Ok(Some(None))
    } else {
        let expected = "an ISO date string (YYYY-MM-DD) or null";
        let date = value
            .as_string()
            .ok_or_else(|| option_error("referenceDate", expected, &value))?;
        Ok(Some(Some(date)))
    }
}

/// `layers`: absent, or an array of layer names (checked by name later).
fn layers(value: JsValue) -> Result<Option<Vec<String>>, JsError> {
    if value.is_undefined() {
        return Ok(None);
    }
    let expected = "an array of \"entities\", \"dates\", \"quotes\"";
    if !value.is_array() {
        return Err(option_error("layers", expected, &value));
    }
    let items: Vec<Field> = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid newsmark option layers: {e}")))?;
    let names = items
        .into_iter()
        .map(|Field(item)| {
            item.as_string()
                .ok_or_else(|| option_error("layers", expected, &item))
        })
        .collect::<Result<_, _>>()?;
    Ok(Some(names))
}

fn to_js_error(error: crate::Error) -> JsError {
    JsError::new(&error.to_string())
}

/// The analyzer, built once by `createAnalyzer` in the package's JavaScript.
#[wasm_bindgen(js_name = Analyzer)]
pub struct WasmAnalyzer {
    inner: Analyzer,
    _live: memory::Live,
}

#[wasm_bindgen(js_class = Analyzer)]
impl WasmAnalyzer {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<WasmAnalyzer, JsError> {
        let options = match JsOptions::from_js(options)? {
            Some(given) => given.apply(&Options::default())?,
            None => Options::default(),
        };
        memory::check_new_analyzer()?;
        Ok(WasmAnalyzer {
            inner: Analyzer::new(options),
            _live: memory::Live::new(),
        })
    }

    /// Analyzes `text`; `options` (optional) override the analyzer's for this call.
    pub fn analyze(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let mut analysis = self.run(text, options)?;
        convert_analysis(text, &mut analysis, Unit::Utf16);
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        analysis
            .serialize(&serializer)
            .map_err(|e| JsError::new(&format!("could not return the analysis: {e}")))
    }

    /// The standalone HTML page of `text`'s analysis, titled `title`: the one renderer, that
    /// of `newsmark highlight --format html` ([`crate::html::page`]). `kinds` (an array of kind
    /// names, or undefined for all) says which spans to mark; `options` are those of `analyze`.
    #[wasm_bindgen(js_name = renderHtml)]
    pub fn render_html(
        &self,
        text: &str,
        title: &str,
        kinds: JsValue,
        options: JsValue,
    ) -> Result<String, JsError> {
        let mut analysis = self.run(text, options)?;
        if let Some(kinds) = kind_list(kinds)? {
            analysis.spans.retain(|span| kinds.contains(&span.kind));
            // Indices into the spans, which the retain moved (the renderer does not read them).
            for span in &mut analysis.spans {
                span.continues = None;
            }
        }
        Ok(crate::html::page(text, &analysis, title))
    }
}

impl WasmAnalyzer {
    /// The analysis of `text` (byte offsets) with the analyzer's options, overridden by `options`.
    fn run(&self, text: &str, options: JsValue) -> Result<Analysis, JsError> {
        memory::check_analysis(text.len())?;
        Ok(match JsOptions::from_js(options)? {
            Some(given) => self
                .inner
                .analyze_with(text, &given.apply(self.inner.options())?),
            None => self.inner.analyze(text),
        })
    }
}

/// `kinds` of `renderHtml`: undefined (all), or an array of kind names.
fn kind_list(value: JsValue) -> Result<Option<Vec<Kind>>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let names: Vec<String> = if value.is_array() {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("newsmark: kinds must be kind names: {e}")))?
    } else {
        return Err(JsError::new(&format!(
            "newsmark: kinds must be an array of kind names, got {}",
            describe(&value)
        )));
    };
    names
        .iter()
        .map(|name| {
            Kind::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                JsError::new(&format!(
                    "newsmark: unknown kind {}: expected one of {}",
                    crate::analysis::excerpt(name),
                    known.join(", ")
                ))
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}
