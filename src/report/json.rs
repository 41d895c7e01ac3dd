//! The report as JSON text, written as JavaScript's `JSON.stringify(report, null, 2)` writes
//! it (or without the indentation): numbers as JavaScript writes them (`0`, not `0.0`),
//! strings escaped alike, keys in the order the types declare them. So the CLI's JSON and
//! `JSON.stringify` of the WASM report are the same bytes (docs/REPORT.md, "Numbers, order
//! and determinism").
//!
//! Written by hand rather than by serde's derive: one small writer and one list of keys per
//! type is a fraction of the WASM the derive and serde_json's serializer took.

use super::{
    ArticleSummary, Blindspot, CardQuote, ComparisonLine, Coverage, CoverageBy, DictionaryCard,
    Emphasis, Example, ExplainedCounts, FacetCoverage, FormulaLine, Framing, KeyPoint, KeyPoints,
    Notes, OutletCount, OutletUses, Params, PerSide, Rates, Report, RuleCheck, SideCounts,
    SideCoverage, SideFraming, SideLabel, SideShares, Sides, Term, TermExplanation, TestDesign,
    UnratedCoverage,
};
use super::{
    Language, LanguageCategory, LanguageTerm, Mark, MarkedExample, Part, SideLanguage, Tone,
    ToneExample, WordUse,
};
use crate::input::LeaningSource;

/// A float rounded to 4 decimal places, written as an integer when it is one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Rounded(f64);

impl Rounded {
    pub fn new(value: f64) -> Rounded {
        let rounded = (value * 10_000.0).round() / 10_000.0;
        // `+ 0.0` turns −0 into 0: JSON.stringify(-0) is "0".
        Rounded(rounded + 0.0)
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

/// A number as JavaScript writes it: a whole number of at most 2⁵³ in digits, anything else
/// in the shortest form that reads back as the same `f64` (the algorithm serde_json uses),
/// `null` for NaN and the infinities as `JSON.stringify` does.
pub(crate) fn number(x: f64) -> String {
    const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if !x.is_finite() {
        "null".into()
    } else if x.fract() == 0.0 && x.abs() <= SAFE_INTEGER {
        (x as i64).to_string()
    } else {
        zmij::Buffer::new().format_finite(x).to_owned()
    }
}

/// Appends `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`,
/// … or `\u00XX`, everything else as it is (JSON.stringify's rules for valid Unicode).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(crate) fn write_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    let mut run = 0;
    // For speed in the WASM build too (optimized for size, it would call the iterator's `next`
    // for every byte of the report's text).
    for (at, &byte) in bytes.iter().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            b'\r' => "\\r",
            0x08 => "\\b",
            0x0C => "\\f",
            _ => "",
        };
        out.push_str(text.get(run..at).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            out.push_str(escape);
        }
        run = at + 1;
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out.push('"');
}

/// `text` as a JSON string.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text);
    out
}

/// Writes JSON into a string, compact or indented by two spaces.
pub(crate) struct Writer {
    out: String,
    indent: bool,
    /// For each open object or array: whether it has an entry yet.
    open: Vec<bool>,
}

impl Writer {
    fn new(indent: bool) -> Writer {
        Writer {
            out: String::new(),
            indent,
            open: Vec::new(),
        }
    }

    /// Starts an entry of the innermost object or array: the comma, and the new line.
    fn entry(&mut self) {
        if let Some(has_entry) = self.open.last_mut() {
            if *has_entry {
                self.out.push(',');
            }
            *has_entry = true;
        }
        if self.indent {
            self.out.push('\n');
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.open.push(false);
    }

    fn close(&mut self, bracket: char) {
        let had_entries = self.open.pop().unwrap_or(false);
        if had_entries && self.indent {
            self.out.push('\n');
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
        self.out.push(bracket);
    }

    /// One `"key": value` of the object being written.
    fn field(&mut self, key: &str, value: &dyn WriteJson) {
        self.entry();
        write_string(&mut self.out, key);
        self.out.push_str(if self.indent { ": " } else { ":" });
        value.write(self);
    }

    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

/// A value that can be written as JSON.
pub(crate) trait WriteJson {
    fn write(&self, w: &mut Writer);
}

impl WriteJson for str {
    fn write(&self, w: &mut Writer) {
        write_string(&mut w.out, self);
    }
}

impl WriteJson for String {
    fn write(&self, w: &mut Writer) {
        write_string(&mut w.out, self);
    }
}

impl WriteJson for &str {
    fn write(&self, w: &mut Writer) {
        write_string(&mut w.out, self);
    }
}

impl WriteJson for bool {
    fn write(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl WriteJson for Rounded {
    fn write(&self, w: &mut Writer) {
        w.raw(&number(self.0));
    }
}

/// Whole numbers: every count of a report.
macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write(&self, w: &mut Writer) {
                w.raw(&self.to_string());
            }
        }
    )*};
}
whole_numbers!(u32, u64, usize);

impl<T: WriteJson> WriteJson for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write(w),
            None => w.raw("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.open('[');
        for item in self {
            w.entry();
            item.write(w);
        }
        w.close(']');
    }
}

impl WriteJson for LeaningSource {
    fn write(&self, w: &mut Writer) {
        self.key().write(w);
    }
}

/// Facets and their values as JSON objects keyed by name, in the order held.
impl WriteJson for CoverageBy {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        for (facet, values) in &self.0 {
            w.field(facet, values);
        }
        w.close('}');
    }
}

impl WriteJson for FacetCoverage {
    fn write(&self, w: &mut Writer) {
        w.open('{');
        for (value, coverage) in &self.values {
            w.field(value, coverage);
        }
        w.field("unknown", &self.unknown);
        w.close('}');
    }
}

/// A struct as a JSON object of its fields, with the fields' names as keys, in this order.
macro_rules! json_object {
    ($($t:ident { $($field:ident),* $(,)? })*) => {$(
        impl WriteJson for $t {
            fn write(&self, w: &mut Writer) {
                w.open('{');
                $(w.field(stringify!($field), &self.$field);)*
                w.close('}');
            }
        }
    )*};
}

json_object! {
    Params { max_ngram, prior_scale, z_min, min_count, top_k, max_p, language, emphasis, key_points }
    SideCoverage { articles, sources, share }
    UnratedCoverage { articles, sources }
    Coverage { left, center, right, unrated, total_articles, total_sources }
    SideLabel { name, short, outlets, articles, percent, summary }
    Sides { left, center, right, unrated }
    Blindspot { side, share, opposite_share, text }
    Rates { left, center, right }
    Example { article, source, sentence }
    OutletUses { source, count }
    Term { term, display, z, count, outlets, uses, p, evidence, by_outlet, rate, examples }
    TestDesign { units, of, assignments, exact, min_p }
    SideFraming { insufficient, tested, test, status, note, terms, words, term_tokens }
    Framing { left, center, right }
    ComparisonLine { side, text }
    Notes { coverage, shares, framing, rate, z, p, blindspot, method, emphasis, key_points, common_ground }
    SideCounts { left, center, right }
    SideShares { left, center, right }
    Emphasis { topic, side, kind, outlets, outlet_share, articles, article_share, p, tested, omitted_by, variants, text, examples }
    KeyPoint { sentence, article, source, side, position, in_headline }
    KeyPoints { left, center, right }
    ArticleSummary { id, source, leaning, leaning_from, side, headline, url, published }
    Report { version, params, coverage, coverage_by, sides, blindspot, framing, language, emphasis, key_points, common_ground, comparison, warnings, notes, articles }
    Mark { text, category }
    MarkedExample { article, source, sentence, parts }
    ToneExample { article, source, sentence, score, parts }
    LanguageTerm { term, display, category, count, outlets, uses, negated, examples }
    WordUse { rate, others, count, negated, p, holds, terms }
    Tone { mean, others, sd, negative_share, positive_share, p, holds, most_negative, most_positive }
    SideLanguage { words, sentences, tested, note, charged, hedging, tone }
    LanguageCategory { key, list, name, text }
    Language { left, center, right, note, categories }
    PerSide { left, center, right }
    ExplainedCounts { y_b, y_r, n_b, n_r, uses, term_tokens }
    FormulaLine { symbol, formula, numbers, value }
    RuleCheck { met, text }
    OutletCount { source, side, count, term_tokens }
    CardQuote { article, source, before, term, after }
    DictionaryCard { left, center, right, prompt }
    TermExplanation { term, side, listed, rules, verdict, counts, prior_scale, alpha, delta, variance, sigma, z, formula, p, test, evidence, meaning, outlets, card }
}

/// A piece of a quoted sentence: plain text as a string, a marked word as an object.
impl WriteJson for Part {
    fn write(&self, w: &mut Writer) {
        match self {
            Part::Text(text) => text.write(w),
            Part::Mark(mark) => mark.write(w),
        }
    }
}

impl Report {
    /// The report as JSON, indented by two spaces like `JSON.stringify(report, null, 2)`.
    pub fn to_json(&self) -> String {
        self.json(true)
    }

    /// The report as JSON without white space, like `JSON.stringify(report)`: what crosses
    /// into JavaScript to be parsed.
    pub fn to_compact_json(&self) -> String {
        self.json(false)
    }

    fn json(&self, indent: bool) -> String {
        json_text(self, indent)
    }
}

impl TermExplanation {
    /// The explanation as JSON, indented by two spaces.
    pub fn to_json(&self) -> String {
        json_text(self, true)
    }

    /// The explanation as JSON without white space: what crosses into JavaScript.
    pub fn to_compact_json(&self) -> String {
        json_text(self, false)
    }
}

fn json_text(value: &dyn WriteJson, indent: bool) -> String {
    let mut writer = Writer::new(indent);
    value.write(&mut writer);
    writer.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_four_places_and_writes_whole_numbers_as_integers() {
        let json = |x: f64| number(Rounded::new(x).get());
        assert_eq!(json(2.718_26), "2.7183");
        assert_eq!(json(100.0), "100");
        assert_eq!(json(0.000_04), "0");
        assert_eq!(json(-0.000_01), "0");
        assert_eq!(json(0.25), "0.25");
        assert_eq!(json(-2.5), "-2.5");
    }

    #[test]
    fn numbers_are_written_as_serde_json_and_javascript_write_them() {
        for x in [
            0.1,
            1e-7,
            123.456,
            1e21,
            1.5e300,
            -3.25,
            2f64.powi(53) + 2.0,
            1e16,
        ] {
            assert_eq!(number(x), serde_json::Value::from(x).to_string(), "{x}");
        }
        assert_eq!(number(f64::NAN), "null");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all_controls: String = (0u8..0x20).map(char::from).collect();
        for text in [
            "plain",
            "quote \" and \\ back",
            "é😀\u{2028}\u{7f}",
            &all_controls,
            "",
        ] {
            assert_eq!(
                string(text),
                serde_json::Value::from(text).to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn indented_and_compact_forms_hold_the_same_values() {
        let story = std::fs::read_to_string("www/samples/drone-raid.json").unwrap();
        let report = crate::analyze_json(&story, &crate::Options::default()).unwrap();
        let indented: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        let compact: serde_json::Value = serde_json::from_str(&report.to_compact_json()).unwrap();
        assert_eq!(indented, compact);
        assert!(!report.to_compact_json().contains('\n'));
    }
}
