//! The text pipeline on any string: sentences are trimmed, ordered, non-empty ranges on
//! character boundaries; tokens lie inside their sentence, in order; normalizing a token
//! never panics; removing markup never panics and never makes the text longer.
#![no_main]

use bias_compare::text::{is_stopword, normalize_token, sentence_ranges, tokens, without_markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(shown) = without_markup(&text) {
        assert!(shown.len() <= text.len(), "{shown:?} from {text:?}");
    }
    let mut end = 0;
    let mut normalized = String::new();
    for range in sentence_ranges(&text) {
        assert!(
            range.start >= end && range.start < range.end,
            "{range:?} after {end}"
        );
        let sentence = text.get(range.clone()).expect("ranges on char boundaries");
        assert_eq!(sentence.trim(), sentence);
        assert!(sentence.chars().any(char::is_alphanumeric));
        end = range.end;
        let mut token_end = 0;
        for token in tokens(sentence) {
            assert!(token.start >= token_end);
            assert_eq!(sentence.get(token.start..token.end()), Some(token.surface));
            token_end = token.end();
            normalize_token(token.surface, &mut normalized);
            let _ = is_stopword(&normalized);
        }
    }
});
