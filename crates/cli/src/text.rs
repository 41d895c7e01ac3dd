//! The `--format text` view: the report laid out for a terminal, with coverage bars, each
//! side's terms with their rates and an example, the comparison bullets and the warnings.
//! Every sentence comes from the report; this module only lays them out.

use std::fmt::Write;

use bias_compare::{Report, Side, SideCoverage, SideLabel, Story};

const BAR_WIDTH: usize = 24;

fn bar(share: f64) -> String {
    let filled = ((share * BAR_WIDTH as f64).round() as usize).min(BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

fn coverage_line(out: &mut String, label: &SideLabel, side: &SideCoverage) {
    let _ = writeln!(
        out,
        "  {:<8}{}  {:>3.0}%  {}",
        label.name,
        bar(side.share.get()),
        side.share.get() * 100.0,
        label.summary,
    );
}

fn framing_section(out: &mut String, report: &Report, side: Side) {
    let label = report.sides.side(side);
    let framing = report.framing.side(side);
    let _ = writeln!(out, "\n{} framing", label.name);
    if framing.terms.is_empty() {
        // The side's comparison bullet says why: too little coverage, or nothing stood out.
        let why = report
            .comparison
            .iter()
            .find(|line| line.side == side.key());
        let _ = writeln!(out, "  {}", why.map_or("", |line| line.text.as_str()));
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
            let _ = writeln!(
                out,
                "      {} — {}",
                in_quotes(&example.sentence),
                example.source
            );
        }
    }
}

/// A quoted sentence in quotation marks, unless it has double quotation marks of its own: a
/// sentence that opens or closes a quotation (`"This daring plan was realistic.`) is shown
/// as it is, not wrapped in a second, unbalanced pair.
fn in_quotes(sentence: &str) -> String {
    if sentence.contains(['"', '“', '”', '„', '«', '»']) {
        sentence.to_owned()
    } else {
        format!("“{sentence}”")
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
    let _ = writeln!(out, "{}\n\nCoverage", report.notes.coverage);
    for side in Side::ALL {
        coverage_line(
            &mut out,
            report.sides.side(side),
            report.coverage.side(side),
        );
    }
    if report.coverage.unrated.articles > 0 {
        let _ = writeln!(
            out,
            "  {}: {}",
            report.sides.unrated.name, report.sides.unrated.summary
        );
    }
    if let Some(blindspot) = &report.blindspot {
        let _ = writeln!(out, "  {}", blindspot.text);
    }
    for side in Side::ALL {
        framing_section(&mut out, report, side);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_put_in_quotation_marks_once() {
        assert_eq!(in_quotes("A daring raid."), "“A daring raid.”");
        assert_eq!(
            in_quotes("\"This daring plan was realistic."),
            "\"This daring plan was realistic."
        );
        assert_eq!(
            in_quotes("It was “a flop,” he said."),
            "It was “a flop,” he said."
        );
        assert_eq!(in_quotes("Russia’s bombers"), "“Russia’s bombers”");
    }
}
