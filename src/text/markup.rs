//! Markup in article text (docs/STORY.md, "Markup"): text copied from web pages and CMS
//! fields often carries HTML. It is read as a browser would show it: tags are not text
//! (`<script>` and `<style>` with everything inside them, comments, every other tag; a tag
//! that starts a block — `<p>`, `<br>`, `<li>`, headings, … — ends the line, so it ends a
//! sentence too), and character references (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`) are
//! decoded. A `<` that opens no tag ("3 < 5") and an `&` that starts no reference stay text.

use super::lanes::{equal, lanes_at};

/// Tags that start a new line of text where they stand.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Named character references decoded, the ones news copy carries.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("shy", '\u{ad}'),
];

/// The text as a browser would show it, or `None` when it has no markup to remove.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn without_markup(text: &str) -> Option<String> {
    // Most texts have neither character; they cost one scan and no copy.
    if !has_markup_byte(text.as_bytes()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let consumed = if rest.starts_with('<') {
            tag(rest, &mut out)
        } else {
            reference(rest, &mut out)
        };
        match consumed {
            Some(length) => {
                changed = true;
                rest = &rest[length..];
            }
            None => {
                out.push(rest.as_bytes()[0] as char);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether `bytes` holds a `<` or a `&`, tested eight bytes at a time: a byte at a time,
/// this scan of every text cost a twentieth of the analysis.
fn has_markup_byte(bytes: &[u8]) -> bool {
    let mut at = 0;
    while let Some(lanes) = lanes_at(bytes, at) {
        if equal(lanes, b'<') | equal(lanes, b'&') != 0 {
            return true;
        }
        at += 8;
    }
    bytes[at..].iter().any(|&b| b == b'<' || b == b'&')
}

/// The length of the tag (or comment, or script/style element) at the start of `text`,
/// writing a line break for a block tag; `None` if `<` opens no tag here.
fn tag(text: &str, out: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.starts_with(b"<!--") {
        let end = (4..bytes.len()).find(|&at| bytes[at..].starts_with(b"-->"));
        return Some(end.map_or(bytes.len(), |at| at + 3));
    }
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let first = *bytes.get(name_start)?;
    if !(first.is_ascii_alphabetic() || (!closing && (first == b'!' || first == b'?'))) {
        return None;
    }
    let end = tag_end(text)?;
    let name_end = bytes[name_start..end]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(end, |at| name_start + at);
    let name = &bytes[name_start..name_end];
    if !closing && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")) {
        // Everything up to the end of the matching end tag is not text (or to the end of
        // the text, if it has none).
        let mut at = end + 1;
        while at < bytes.len() {
            let rest = &bytes[at..];
            let is_close = rest.len() > name.len() + 1
                && rest[0] == b'<'
                && rest[1] == b'/'
                && rest[2..2 + name.len()].eq_ignore_ascii_case(name);
            if is_close {
                return Some(
                    at + text
                        .get(at..)
                        .and_then(tag_end)
                        .map_or(rest.len(), |e| e + 1),
                );
            }
            at += 1;
        }
        return Some(bytes.len());
    }
    if BLOCK_TAGS
        .iter()
        .any(|block| block.as_bytes().eq_ignore_ascii_case(name))
    {
        out.push('\n');
    }
    Some(end + 1)
}

/// The byte index of the `>` that ends the tag starting `text`, skipping quoted attribute
/// values; `None` when the tag never ends.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (at, byte) in text.bytes().enumerate().skip(1) {
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return Some(at),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// The length of the character reference at the start of `text`, writing its character;
/// `None` if `&` starts no reference here.
fn reference(text: &str, out: &mut String) -> Option<usize> {
    // At most 32 characters before the `;`, each a letter, a digit or the `#`.
    let end = text.bytes().skip(1).take(33).position(|b| b == b';')?;
    let body = &text[1..1 + end];
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
        return None;
    }
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).unwrap_or('\u{fffd}')
    } else {
        NAMED
            .iter()
            .find(|(name, _)| *name == body)
            .map(|&(_, c)| c)?
    };
    out.push(decoded);
    Some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        without_markup(text).unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn the_word_scan_finds_a_markup_byte_wherever_it_is() {
        // Neighbours of '<' (0x3C) and '&' (0x26), and the same values with the high bit set.
        for filler in [b'a', b';', b'=', b'%', b'\'', 0xBC, 0xA6, 0x00, 0xFF] {
            for len in 0..20 {
                let plain = vec![filler; len];
                assert!(!has_markup_byte(&plain), "{filler:#x} x {len}");
                for at in 0..len {
                    for byte in [b'<', b'&'] {
                        let mut bytes = plain.clone();
                        bytes[at] = byte;
                        assert!(has_markup_byte(&bytes), "{byte} at {at} of {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn text_without_markup_is_left_alone() {
        assert_eq!(without_markup("A daring raid; 3 < 5 & so on."), None);
    }

    #[test]
    fn tags_are_not_text_and_scripts_and_styles_lose_their_content() {
        assert_eq!(
            shown("<script>alert(3)</script> <b>bold</b> <style>p{}</style>word"),
            " bold word"
        );
        assert_eq!(
            shown("<b>A daring</b> raid <iframe src=javascript:alert(1)>"),
            "A daring raid "
        );
        assert_eq!(shown("<SCRIPT type=x>a</SCRIPT >after"), "after");
        assert_eq!(shown("<script>never closed"), "");
    }

    #[test]
    fn block_tags_end_the_line() {
        assert_eq!(shown("<p>One.</p><p>Two</p>"), "\nOne.\n\nTwo\n");
        assert_eq!(shown("line<br/>next"), "line\nnext");
    }

    #[test]
    fn quoted_attributes_may_hold_angle_brackets() {
        assert_eq!(shown(r#"<img alt="a > b" src='x>y'>Caption"#), "Caption");
    }

    #[test]
    fn comments_are_removed() {
        assert_eq!(shown("a<!-- hidden > still -->b"), "ab");
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            shown("AT&amp;T&nbsp;said &#8220;no&#x201D; &mdash; it&#8217;s"),
            "AT&T\u{a0}said “no” — it’s"
        );
        assert_eq!(shown("&lt;b&gt; stays text"), "<b> stays text");
        assert_eq!(shown("&#1114112; &#xD800;"), "\u{fffd} \u{fffd}");
    }

    #[test]
    fn a_lone_angle_bracket_or_ampersand_is_text() {
        assert_eq!(
            shown("3 <5 and a & b and &unknown; and <3"),
            "3 <5 and a & b and &unknown; and <3"
        );
        assert_eq!(shown("<b unclosed"), "<b unclosed");
    }
}
