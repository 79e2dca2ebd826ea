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

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::offsets::{convert_analysis, Unit};
use crate::{Analyzer, Date, Layer, Options};

/// Options as JavaScript passes them: `{ referenceDate?: string | null, layers?: string[] }`.
/// Read field by field (not with a derived struct) so that a misspelt or mistyped option gets a
/// message naming it instead of being ignored.
#[derive(Default)]
struct JsOptions {
    reference_date: Option<String>,
    layers: Option<Vec<String>>,
}

/// Any value an option may hold; anything else fails to deserialize.
#[derive(Deserialize)]
#[serde(untagged)]
enum OptionValue {
    Text(String),
    List(Vec<String>),
    Missing(()),
    Other(serde::de::IgnoredAny),
}

impl JsOptions {
    fn from_js(value: JsValue) -> Result<Option<JsOptions>, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        if !value.is_object() || value.is_array() {
            return Err(JsError::new("newsmark options must be an object"));
        }
        let fields: BTreeMap<String, OptionValue> = serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("invalid newsmark options: {e}")))?;
        let mut options = JsOptions::default();
        for (name, value) in fields {
            match (name.as_str(), value) {
                ("referenceDate", OptionValue::Text(date)) => options.reference_date = Some(date),
                ("layers", OptionValue::List(layers)) => options.layers = Some(layers),
                ("referenceDate" | "layers", OptionValue::Missing(())) => {}
                ("referenceDate", _) => {
                    return Err(JsError::new(
                        "newsmark option referenceDate must be an ISO date string (YYYY-MM-DD) or null",
                    ))
                }
                ("layers", _) => {
                    return Err(JsError::new(
                        "newsmark option layers must be an array of \"entities\", \"dates\", \"quotes\"",
                    ))
                }
                (other, _) => {
                    return Err(JsError::new(&format!(
                        "unknown newsmark option {other:?}: expected referenceDate or layers"
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
            options.reference_date = Some(date.parse::<Date>().map_err(to_js_error)?);
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

fn to_js_error(error: crate::Error) -> JsError {
    JsError::new(&error.to_string())
}

/// The analyzer, built once by `createAnalyzer` in the package's JavaScript.
#[wasm_bindgen(js_name = Analyzer)]
pub struct WasmAnalyzer {
    inner: Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl WasmAnalyzer {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<WasmAnalyzer, JsError> {
        let options = match JsOptions::from_js(options)? {
            Some(given) => given.apply(&Options::default())?,
            None => Options::default(),
        };
        Ok(WasmAnalyzer {
            inner: Analyzer::new(options),
        })
    }

    /// Analyzes `text`; `options` (optional) override the analyzer's for this call.
    pub fn analyze(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let mut analysis = match JsOptions::from_js(options)? {
            Some(given) => self
                .inner
                .analyze_with(text, &given.apply(self.inner.options())?),
            None => self.inner.analyze(text),
        };
        convert_analysis(text, &mut analysis, Unit::Utf16);
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        analysis
            .serialize(&serializer)
            .map_err(|e| JsError::new(&format!("could not return the analysis: {e}")))
    }
}
