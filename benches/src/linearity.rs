//! `bias-compare-linearity`: how analysis time grows with each input dimension (it should
//! never grow faster than the input). A measurement, not a test: it prints, for each
//! dimension, the time per unit of input at sizes 1×, 2×, 4× and 8×; a linear path keeps that
//! figure flat, a quadratic one doubles it at each step. Run it with `bash
//! scripts/linearity.sh` (release build); the figures are in docs/LIMITS.md. The regression
//! tests for the paths that were quadratic are the generated cases of the catalogue
//! (tests/catalogue/cases.json), sized so that a quadratic path would take hours.

use std::fmt::Write;
use std::time::{Duration, Instant};

use bias_compare::{analyze_json, Options};
use serde_json::json;

/// A deterministic pseudo-random generator (64-bit LCG), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A word from a 20 000-word vocabulary with a roughly Zipfian (log-uniform) rank, the
    /// first ranks being common English words so stopwords are as frequent as in news.
    fn word(&mut self) -> String {
        const COMMON: [&str; 24] = [
            "the",
            "of",
            "and",
            "to",
            "a",
            "in",
            "that",
            "said",
            "on",
            "for",
            "it",
            "with",
            "was",
            "as",
            "talks",
            "raid",
            "officials",
            "strike",
            "daring",
            "bombers",
            "Monday",
            "out",
            "up",
            "over",
        ];
        let rank = (20_000f64.powf(self.next()) as usize).saturating_sub(1);
        match COMMON.get(rank) {
            Some(word) => (*word).to_owned(),
            None => {
                let mut word = String::new();
                let mut n = rank;
                while n > 0 {
                    word.push(char::from(b'a' + (n % 26) as u8));
                    n /= 26;
                }
                word
            }
        }
    }

    /// News-like text of about `bytes` bytes: sentences of 8 to 30 words.
    fn text(&mut self, bytes: usize) -> String {
        let mut text = String::with_capacity(bytes + 200);
        while text.len() < bytes {
            let words = 8 + (self.next() * 23.0) as usize;
            let mut sentence: Vec<String> = (0..words).map(|_| self.word()).collect();
            sentence[0] = capitalized(&sentence[0]);
            text.push_str(&sentence.join(" "));
            text.push_str(". ");
        }
        text
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

const LEANINGS: [&str; 3] = ["left", "center", "right"];

/// Six articles, two per side, the first carrying `text` and the rest 3 kB of news.
fn story_around(text: &str) -> String {
    let mut rng = Rng(7);
    let articles: Vec<_> = (0..6)
        .map(|i| {
            json!({ "id": format!("a{i}"), "source": format!("Outlet {i}"),
                    "leaning": LEANINGS[i % 3],
                    "text": if i == 0 { text.to_owned() } else { rng.text(3000) } })
        })
        .collect();
    json!({ "articles": articles }).to_string()
}

/// The dimensions: a name, the unit, the base size, and a story of `size` units.
type Builder = fn(usize) -> String;

fn dimensions() -> Vec<(&'static str, &'static str, usize, Builder)> {
    vec![
        ("articles (300-byte texts)", "article", 2_000, |n| {
            let mut rng = Rng(1);
            let articles: Vec<_> = (0..n)
                .map(|i| {
                    json!({ "id": format!("a{i}"), "source": format!("Outlet {}", i % 40),
                                 "leaning": LEANINGS[i % 3], "text": rng.text(300) })
                })
                .collect();
            json!({ "articles": articles }).to_string()
        }),
        ("distinct sources", "article", 2_000, |n| {
            let mut rng = Rng(2);
            let articles: Vec<_> = (0..n)
                .map(|i| {
                    json!({ "id": format!("a{i}"), "source": format!("Outlet number {i}"),
                                 "leaning": LEANINGS[i % 3], "text": rng.text(300) })
                })
                .collect();
            json!({ "articles": articles }).to_string()
        }),
        ("identical texts (syndication)", "article", 2_000, |n| {
            let text = Rng(3).text(300);
            let articles: Vec<_> = (0..n)
                .map(|i| {
                    json!({ "id": format!("a{i}"), "source": format!("Outlet {}", i % 40),
                                 "leaning": LEANINGS[i % 3], "text": text })
                })
                .collect();
            json!({ "articles": articles }).to_string()
        }),
        ("article length", "kB", 128, |kb| {
            story_around(&Rng(4).text(kb * 1000))
        }),
        ("one sentence, no punctuation", "kB", 128, |kb| {
            story_around(&Rng(5).text(kb * 1000).replace(". ", " "))
        }),
        ("one token", "kB", 128, |kb| {
            story_around(&"x".repeat(kb * 1000))
        }),
        ("tokens of 60 letters", "kB", 128, |kb| {
            let mut rng = Rng(6);
            let mut text = String::new();
            while text.len() < kb * 1000 {
                let stem = rng.word();
                text.push_str(&stem.repeat(60 / stem.len().max(1) + 1)[..60]);
                text.push(' ');
            }
            story_around(&text)
        }),
        ("run of full stops", "kB", 128, |kb| {
            story_around(&(".".repeat(kb * 1000) + " Talks"))
        }),
        ("a.a.a. then a capital", "kB", 128, |kb| {
            story_around(&("a.".repeat(kb * 500) + " Talks"))
        }),
        ("'U.S. ' abbreviations", "kB", 128, |kb| {
            story_around(&"U.S. ".repeat(kb * 200))
        }),
        ("1.1.1.1 numbers", "kB", 128, |kb| {
            story_around(&"1.".repeat(kb * 500))
        }),
        ("line breaks", "kB", 128, |kb| {
            story_around(&"\n".repeat(kb * 1000))
        }),
        ("combining marks on one letter", "kB", 128, |kb| {
            story_around(&("a".to_owned() + &"\u{301}".repeat(kb * 500)))
        }),
        ("flag emoji (regional indicators)", "kB", 128, |kb| {
            story_around(&"\u{1F1FA}\u{1F1E6}".repeat(kb * 125))
        }),
        ("ZWJ emoji without spaces", "kB", 128, |kb| {
            story_around(&"\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}".repeat(kb * 90))
        }),
        ("CJK without spaces", "kB", 128, |kb| {
            story_around(&"会谈周一恢复无人机袭击".repeat(kb * 30))
        }),
        ("one word repeated", "kB", 128, |kb| {
            story_around(&"daring ".repeat(kb * 143))
        }),
    ]
}

fn time(json: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = analyze_json(json, &Options::default()).expect("a report");
            std::hint::black_box(report);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut table = String::from(
        "| dimension | unit | µs per unit at 1× | 2× | 4× | 8× | 8× ÷ 1× |\n|---|---|---|---|---|---|---|\n",
    );
    for (name, unit, base, build) in dimensions() {
        let mut per_unit = Vec::new();
        for factor in [1, 2, 4, 8] {
            let size = base * factor;
            let json = build(size);
            per_unit.push(time(&json).as_secs_f64() * 1e6 / size as f64);
        }
        let _ = writeln!(
            table,
            "| {name} | {unit} ({base} at 1×) | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            per_unit[0],
            per_unit[1],
            per_unit[2],
            per_unit[3],
            per_unit[3] / per_unit[0]
        );
        eprintln!("{}", table.lines().last().unwrap_or_default());
    }
    println!("{table}");
}
