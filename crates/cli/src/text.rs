//! The `--format text` view: the report laid out for a terminal, with coverage bars, each
//! side's terms with their rates and an example, the comparison bullets and the warnings.

use std::fmt::Write;

use bias_compare::{Report, SideCoverage, SideFraming, Story};

const BAR_WIDTH: usize = 24;

fn bar(share: f64) -> String {
    let filled = ((share * BAR_WIDTH as f64).round() as usize).min(BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn coverage_line(out: &mut String, label: &str, side: &SideCoverage) {
    let _ = writeln!(
        out,
        "  {label:<8}{}  {:>3.0}%  {}, {}",
        bar(side.share.get()),
        side.share.get() * 100.0,
        plural(side.articles, "article"),
        plural(side.sources, "source"),
    );
}

fn framing_section(out: &mut String, label: &str, framing: &SideFraming) {
    let _ = writeln!(out, "\n{label} framing");
    if framing.insufficient {
        let _ = writeln!(out, "  not enough coverage to compare");
        return;
    }
    if framing.terms.is_empty() {
        let _ = writeln!(out, "  no distinctive terms");
        return;
    }
    let _ = writeln!(
        out,
        "  {:<26} {:>6} {:>6} {:>7}   per 10k terms: {:>6} {:>6} {:>6}",
        "term", "z", "count", "outlets", "left", "center", "right"
    );
    for term in &framing.terms {
        let _ = writeln!(
            out,
            "  {:<26} {:>6.2} {:>6} {:>7}   {:>21.1} {:>6.1} {:>6.1}",
            term.display,
            term.z.get(),
            term.count,
            term.outlets,
            term.rate.left.get(),
            term.rate.center.get(),
            term.rate.right.get(),
        );
        if let Some(example) = term.examples.first() {
            let _ = writeln!(out, "      “{}” — {}", example.sentence, example.source);
        }
    }
}

/// `text` safe to print on a terminal: a story's title, names and sentences can carry
/// escape sequences (`ESC ]0;…` retitles the window, `ESC [2J` clears it), so every control
/// character but the line breaks this view writes itself is shown as U+FFFD.
fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Renders the report for people.
pub fn render(story: &Story, report: &Report) -> String {
    terminal_safe(&render_raw(story, report))
}

fn render_raw(story: &Story, report: &Report) -> String {
    let mut out = String::new();
    if let Some(title) = &story.title {
        let _ = writeln!(out, "{title}");
    }
    let coverage = &report.coverage;
    let _ = writeln!(
        out,
        "{} from {}\n\nCoverage",
        plural(coverage.total_articles, "article"),
        plural(coverage.total_sources, "source")
    );
    coverage_line(&mut out, "Left", &coverage.left);
    coverage_line(&mut out, "Center", &coverage.center);
    coverage_line(&mut out, "Right", &coverage.right);
    let _ = writeln!(
        out,
        "  {:<8}{} unrated: {}, {}",
        "",
        " ".repeat(BAR_WIDTH + 6),
        plural(coverage.unrated.articles, "article"),
        plural(coverage.unrated.sources, "source"),
    );
    if let Some(blindspot) = &report.blindspot {
        let _ = writeln!(out, "  {}", blindspot.text);
    }
    framing_section(&mut out, "Left", &report.framing.left);
    framing_section(&mut out, "Center", &report.framing.center);
    framing_section(&mut out, "Right", &report.framing.right);
    let _ = writeln!(out, "\nComparison");
    for line in &report.comparison {
        let _ = writeln!(out, "  • {}", line.text);
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        for warning in &report.warnings {
            let _ = writeln!(out, "  ! {warning}");
        }
    }
    out
}
