//! Reading a story or a ratings file: from a path or standard input, at most a byte past the
//! library's size limit, as UTF-8; every failure one line for the user.

use std::io::{self, Read};
use std::path::Path;

use bias_compare::{json_too_large, utf8_text, MAX_STORY_BYTES};

/// Bad input or flags: printed as one line, exit status 2.
pub struct Failure(pub String);

/// The bytes of `path` (`-`: standard input) as UTF-8; `root` names it in errors.
pub fn read_input(path: &Path, root: &str) -> Result<String, Failure> {
    // Read one byte past the limit (and a byte order mark), never a whole huge file or an
    // endless pipe: past MAX_STORY_BYTES the story is refused anyway.
    let limit = (MAX_STORY_BYTES + '\u{feff}'.len_utf8() + 1) as u64;
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    if bytes.len() as u64 == limit {
        return Err(Failure(json_too_large(root).to_string()));
    }
    utf8_text(&bytes, root).map_err(|e| Failure(e.to_string()))?;
    // Checked just above: taken over without a copy.
    Ok(String::from_utf8(bytes).unwrap_or_default())
}
