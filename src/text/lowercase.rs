//! Unicode lowercase, from a compact table. `char::to_lowercase` brings a 12.6 KB table into
//! the WASM module (about 6 KB of the widget's gzip budget); the same mapping written as
//! runs — a first code point, how many, the step between them, the offset to the lowercase —
//! is 185 runs, 1.5 KB. A test compares it with `char::to_lowercase` for every code point, and
//! says how to write the table again when a new Rust brings a new Unicode version.

/// The one code point whose lowercase is two: U+0130 (İ) → "i̇".
const DOTTED_CAPITAL_I: char = '\u{130}';

/// `c` in lowercase, written to `out`.
#[inline]
pub(crate) fn push_lowercase(c: char, out: &mut String) {
    if c == DOTTED_CAPITAL_I {
        out.push_str("i\u{307}");
    } else {
        out.push(lowercase_char(c));
    }
}

/// `c` in lowercase when that is one code point (all but U+0130, whose first is `i`).
pub(crate) fn lowercase_char(c: char) -> char {
    let code = c as u32;
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == DOTTED_CAPITAL_I {
        return 'i';
    }
    // The last run starting at or before `code`.
    let at = RUNS.partition_point(|&(packed, _)| packed & 0x1F_FFFF <= code);
    let Some(&(packed, delta)) = at.checked_sub(1).and_then(|i| RUNS.get(i)) else {
        return c;
    };
    let first = packed & 0x1F_FFFF;
    let len = (packed >> 21) & 0x3FF;
    let stride = 1 + (packed >> 31);
    let offset = code - first;
    if offset < len * stride && offset % stride == 0 {
        char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
    } else {
        c
    }
}

/// The runs of code points whose lowercase is another single code point: the first (21
/// bits), how many (10 bits) and a step of 2 rather than 1 (the top bit), and the offset.
/// Written by the test `the_table_is_the_standard_library_s_lowercase` below.
static RUNS: [(u32, i32); 185] = [
    (0x03400041, 32),
    (0x02E000C0, 32),
    (0x00E000D8, 32),
    (0x83000100, 1),
    (0x80600132, 1),
    (0x81000139, 1),
    (0x82E0014A, 1),
    (0x00200178, -121),
    (0x80600179, 1),
    (0x00200181, 210),
    (0x80400182, 1),
    (0x00200186, 206),
    (0x00200187, 1),
    (0x00400189, 205),
    (0x0020018B, 1),
    (0x0020018E, 79),
    (0x0020018F, 202),
    (0x00200190, 203),
    (0x00200191, 1),
    (0x00200193, 205),
    (0x00200194, 207),
    (0x00200196, 211),
    (0x00200197, 209),
    (0x00200198, 1),
    (0x0020019C, 211),
    (0x0020019D, 213),
    (0x0020019F, 214),
    (0x806001A0, 1),
    (0x002001A6, 218),
    (0x002001A7, 1),
    (0x002001A9, 218),
    (0x002001AC, 1),
    (0x002001AE, 218),
    (0x002001AF, 1),
    (0x004001B1, 217),
    (0x804001B3, 1),
    (0x002001B7, 219),
    (0x002001B8, 1),
    (0x002001BC, 1),
    (0x002001C4, 2),
    (0x002001C5, 1),
    (0x002001C7, 2),
    (0x002001C8, 1),
    (0x002001CA, 2),
    (0x812001CB, 1),
    (0x812001DE, 1),
    (0x002001F1, 2),
    (0x804001F2, 1),
    (0x002001F6, -97),
    (0x002001F7, -56),
    (0x828001F8, 1),
    (0x00200220, -130),
    (0x81200222, 1),
    (0x0020023A, 10795),
    (0x0020023B, 1),
    (0x0020023D, -163),
    (0x0020023E, 10792),
    (0x00200241, 1),
    (0x00200243, -195),
    (0x00200244, 69),
    (0x00200245, 71),
    (0x80A00246, 1),
    (0x80400370, 1),
    (0x00200376, 1),
    (0x0020037F, 116),
    (0x00200386, 38),
    (0x00600388, 37),
    (0x0020038C, 64),
    (0x0040038E, 63),
    (0x02200391, 32),
    (0x012003A3, 32),
    (0x002003CF, 8),
    (0x818003D8, 1),
    (0x002003F4, -60),
    (0x002003F7, 1),
    (0x002003F9, -7),
    (0x002003FA, 1),
    (0x006003FD, -130),
    (0x02000400, 80),
    (0x04000410, 32),
    (0x82200460, 1),
    (0x8360048A, 1),
    (0x002004C0, 15),
    (0x80E004C1, 1),
    (0x860004D0, 1),
    (0x04C00531, 48),
    (0x04C010A0, 7264),
    (0x002010C7, 7264),
    (0x002010CD, 7264),
    (0x0A0013A0, 38864),
    (0x00C013F0, 8),
    (0x00201C89, 1),
    (0x05601C90, -3008),
    (0x00601CBD, -3008),
    (0x89601E00, 1),
    (0x00201E9E, -7615),
    (0x86001EA0, 1),
    (0x01001F08, -8),
    (0x00C01F18, -8),
    (0x01001F28, -8),
    (0x01001F38, -8),
    (0x00C01F48, -8),
    (0x80801F59, -8),
    (0x01001F68, -8),
    (0x01001F88, -8),
    (0x01001F98, -8),
    (0x01001FA8, -8),
    (0x00401FB8, -8),
    (0x00401FBA, -74),
    (0x00201FBC, -9),
    (0x00801FC8, -86),
    (0x00201FCC, -9),
    (0x00401FD8, -8),
    (0x00401FDA, -100),
    (0x00401FE8, -8),
    (0x00401FEA, -112),
    (0x00201FEC, -7),
    (0x00401FF8, -128),
    (0x00401FFA, -126),
    (0x00201FFC, -9),
    (0x00202126, -7517),
    (0x0020212A, -8383),
    (0x0020212B, -8262),
    (0x00202132, 28),
    (0x02002160, 16),
    (0x00202183, 1),
    (0x034024B6, 26),
    (0x06002C00, 48),
    (0x00202C60, 1),
    (0x00202C62, -10743),
    (0x00202C63, -3814),
    (0x00202C64, -10727),
    (0x80602C67, 1),
    (0x00202C6D, -10780),
    (0x00202C6E, -10749),
    (0x00202C6F, -10783),
    (0x00202C70, -10782),
    (0x00202C72, 1),
    (0x00202C75, 1),
    (0x00402C7E, -10815),
    (0x86402C80, 1),
    (0x80402CEB, 1),
    (0x00202CF2, 1),
    (0x82E0A640, 1),
    (0x81C0A680, 1),
    (0x80E0A722, 1),
    (0x83E0A732, 1),
    (0x8040A779, 1),
    (0x0020A77D, -35332),
    (0x80A0A77E, 1),
    (0x0020A78B, 1),
    (0x0020A78D, -42280),
    (0x8040A790, 1),
    (0x8140A796, 1),
    (0x0020A7AA, -42308),
    (0x0020A7AB, -42319),
    (0x0020A7AC, -42315),
    (0x0020A7AD, -42305),
    (0x0020A7AE, -42308),
    (0x0020A7B0, -42258),
    (0x0020A7B1, -42282),
    (0x0020A7B2, -42261),
    (0x0020A7B3, 928),
    (0x8100A7B4, 1),
    (0x0020A7C4, -48),
    (0x0020A7C5, -42307),
    (0x0020A7C6, -35384),
    (0x8040A7C7, 1),
    (0x0020A7CB, -42343),
    (0x8100A7CC, 1),
    (0x0020A7DC, -42561),
    (0x0020A7F5, 1),
    (0x0340FF21, 32),
    (0x05010400, 40),
    (0x048104B0, 40),
    (0x01610570, 39),
    (0x01E1057C, 39),
    (0x00E1058C, 39),
    (0x00410594, 39),
    (0x06610C80, 64),
    (0x02C10D50, 32),
    (0x040118A0, 32),
    (0x04016E40, 32),
    (0x03216EA0, 27),
    (0x0441E900, 34),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The table `char::to_lowercase` gives, in the form above.
    fn runs_from_std() -> Vec<(u32, i32)> {
        let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let first = lower.next().unwrap_or(c);
            if lower.next().is_some() || first == c {
                continue;
            }
            let delta = i64::from(first as u32) - i64::from(c as u32);
            let code = c as u32;
            if let Some(last) = runs.last_mut() {
                let (start, len, run_delta, stride) = *last;
                if run_delta == delta && code == start + len * stride {
                    last.1 += 1;
                    continue;
                }
                if run_delta == delta && len == 1 && code == start + 2 {
                    *last = (start, 2, run_delta, 2);
                    continue;
                }
            }
            runs.push((code, 1, delta, 1));
        }
        runs.into_iter()
            .map(|(start, len, delta, stride)| {
                (start | (len << 21) | ((stride - 1) << 31), delta as i32)
            })
            .collect()
    }

    #[test]
    fn the_table_is_the_standard_library_s_lowercase() {
        let expected = runs_from_std();
        if expected != RUNS {
            let mut table = format!("static RUNS: [(u32, i32); {}] = [", expected.len());
            for (i, (packed, delta)) in expected.iter().enumerate() {
                if i % 4 == 0 {
                    table.push_str("\n   ");
                }
                table.push_str(&format!(" (0x{packed:08X}, {delta}),"));
            }
            panic!("this Rust lowercases differently; replace RUNS with:\n{table}\n];");
        }
    }

    #[test]
    fn every_code_point_lowercases_as_the_standard_library_does() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lowercase(c, &mut ours);
            assert_eq!(
                ours,
                c.to_lowercase().collect::<String>(),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
