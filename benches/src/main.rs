//! Times the full native analysis — JSON text in, report JSON text out, as the CLI and the
//! WASM `analyze` do — of each story file given, and prints one JSON line per file:
//!
//! `{"file": "...", "articles": 1000, "json_bytes": ..., "text_bytes": ..., "runs": 9,
//!   "median_ms": ..., "min_ms": ..., "report_bytes": ..., "to_json_median_ms": ...}`
//!
//!     bias-compare-bench [--min-runs N] [--max-runs N] [--budget-ms MS] [--warmup-ms MS]
//!                        [--options JSON] FILE...
//!
//! `--options` is the options object of docs/WIDGET.md (`{"maxP": 1}`), as the WASM harnesses
//! pass it to `analyze`; `to_json_median_ms` is the median time of writing the report's JSON
//! text, a part of `median_ms`; `cpu_median_ms` and `cpu_min_ms` are the thread's CPU time
//! per run (Linux), which a machine shared with other work inflates far less than the
//! wall-clock times.
//!
//! Each file is analyzed untimed for `--warmup-ms` (at least once), then at least
//! `--min-runs` times and until `--budget-ms` of timed runs (or `--max-runs`); the median is
//! the figure reported. The WASM harnesses warm up for the same time, which their JIT needs
//! (V8 runs new WASM code unoptimized and swaps in optimized code over the first hundreds
//! of milliseconds); doing the same here keeps the ratios like for like.

use std::time::Instant;

/// `struct timespec` of Linux on 64-bit targets.
#[repr(C)]
struct Timespec {
    seconds: i64,
    nanoseconds: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

/// This thread's CPU time in milliseconds (`CLOCK_THREAD_CPUTIME_ID`): unlike the wall
/// clock, it does not count the time the thread waits for a core on a busy machine.
fn thread_cpu_ms() -> f64 {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `time` is a valid, writable `struct timespec` for the call's duration.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if status != 0 {
        return f64::NAN;
    }
    time.seconds as f64 * 1000.0 + time.nanoseconds as f64 / 1e6
}

use bias_compare::{analyze_json, Options, Story};

struct Settings {
    min_runs: usize,
    max_runs: usize,
    budget_ms: f64,
    warmup_ms: f64,
    options: Options,
    files: Vec<String>,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        min_runs: 5,
        max_runs: 31,
        budget_ms: 2000.0,
        warmup_ms: 1000.0,
        options: Options::default(),
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .and_then(|v| v.parse::<f64>().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--min-runs" => settings.min_runs = value("--min-runs")? as usize,
            "--max-runs" => settings.max_runs = value("--max-runs")? as usize,
            "--budget-ms" => settings.budget_ms = value("--budget-ms")?,
            "--warmup-ms" => settings.warmup_ms = value("--warmup-ms")?,
            "--options" => {
                let text = args.next().ok_or("--options needs a JSON object")?;
                let value = bias_compare::parse_json(&text, "options")
                    .map_err(|e| format!("--options: {e}"))?;
                settings.options = Options::from_value(&value).map_err(|e| e.to_string())?;
            }
            _ if arg.starts_with("--") => return Err(format!("unknown flag {arg}")),
            _ => settings.files.push(arg),
        }
    }
    if settings.files.is_empty() {
        return Err(
            "usage: bias-compare-bench [--min-runs N] [--max-runs N] [--budget-ms MS] [--warmup-ms MS] [--options JSON] FILE..."
                .into(),
        );
    }
    Ok(settings)
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    let options = &settings.options;
    for file in &settings.files {
        let json = match std::fs::read_to_string(file) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("error: {file}: {error}");
                std::process::exit(2);
            }
        };
        let story = match Story::from_json(&json) {
            Ok(story) => story,
            Err(error) => {
                eprintln!("error: {file}: {error}");
                std::process::exit(1);
            }
        };
        let text_bytes: usize = story
            .articles
            .iter()
            .map(|a| a.text.len() + a.headline.as_ref().map_or(0, String::len))
            .sum();
        let articles = story.articles.len();
        drop(story);
        let run = || {
            let cpu_start = thread_cpu_ms();
            let start = Instant::now();
            let report = analyze_json(&json, options);
            let analyzed = Instant::now();
            let report = report.map(|report| report.to_json());
            let end = Instant::now();
            let cpu = thread_cpu_ms() - cpu_start;
            let ms = |span: std::time::Duration| span.as_secs_f64() * 1000.0;
            (
                ms(end - start),
                ms(end - analyzed),
                report.map(|r| r.len()),
                cpu,
            )
        };
        let (mut warmed, _, report_bytes, _) = run();
        while warmed < settings.warmup_ms {
            warmed += run().0;
        }
        let report_bytes = match report_bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("error: {file}: {error}");
                std::process::exit(1);
            }
        };
        let mut times = Vec::new();
        let mut to_json_times = Vec::new();
        let mut cpu_times = Vec::new();
        let mut spent = 0.0;
        while times.len() < settings.max_runs
            && (times.len() < settings.min_runs || spent < settings.budget_ms)
        {
            let (ms, to_json_ms, _, cpu_ms) = run();
            spent += ms;
            times.push(ms);
            to_json_times.push(to_json_ms);
            cpu_times.push(cpu_ms);
        }
        times.sort_by(f64::total_cmp);
        to_json_times.sort_by(f64::total_cmp);
        cpu_times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let to_json_median = to_json_times[to_json_times.len() / 2];
        println!(
            "{{\"file\":{},\"articles\":{articles},\"json_bytes\":{},\"text_bytes\":{text_bytes},\"runs\":{},\"median_ms\":{median:.3},\"min_ms\":{:.3},\"report_bytes\":{report_bytes},\"to_json_median_ms\":{to_json_median:.3},\"cpu_median_ms\":{:.3},\"cpu_min_ms\":{:.3}}}",
            json_string(file),
            json.len(),
            times.len(),
            times[0],
            cpu_times[cpu_times.len() / 2],
            cpu_times[0],
        );
    }
}
