//! `bias-compare batch`: many stories at once (docs/CLI.md, "Many stories"). Reads JSON Lines
//! — one story per line — and writes one line per input line, in input order: the story's
//! report as compact JSON, or an error record `{"line":N,"error":{"path":…,"message":…}}`
//! for a line that is not a valid story. The analyses run on a rayon pool of `--jobs`
//! threads; this thread reads, hands lines out and writes results back in order.
//!
//! Streaming: at most `window` lines are between being read and being written (analyzed, or
//! analyzed and waiting for an earlier line), so memory depends on the window and the
//! largest stories, never on how many stories there are (docs/SCALE.md measures it).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;

use bias_compare::{analyze, json_too_large, utf8_text, Options, Story, MAX_STORY_BYTES};
use indicatif::{ProgressBar, ProgressStyle};

use crate::input::Failure;
use crate::options::{failure, OptionArgs};

#[derive(clap::Args)]
pub struct BatchArgs {
    /// The stories, one JSON story per line (JSON Lines), or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    file: PathBuf,
    /// Stories analyzed at once [default: the number of cores].
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    #[command(flatten)]
    options: OptionArgs,
}

/// Lines in flight per thread: enough that a thread finishing a story finds the next one
/// waiting, while one slow story holds back at most this many finished ones per thread.
const WINDOW_PER_JOB: usize = 4;

/// Longest line read as a story: past it the story is refused anyway
/// ([`MAX_STORY_BYTES`] of JSON after a byte order mark), so the rest of the line is
/// skipped rather than held in memory.
const MAX_LINE_BYTES: usize = MAX_STORY_BYTES + '\u{feff}'.len_utf8();

pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    // Checked once here, so a bad flag is one error, not an error record on every line.
    let options = args.options.options()?;
    options.validate().map_err(failure)?;
    let jobs = match args.jobs {
        Some(jobs) => jobs.get(),
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("bias-compare-{i}"))
        .build()
        .map_err(|e| Failure(format!("cannot start {jobs} threads: {e}")))?;
    let cannot_read = |e: io::Error| Failure(format!("cannot read {}: {e}", args.file.display()));
    let (input, size): (Box<dyn BufRead>, Option<u64>) = if args.file.as_os_str() == "-" {
        (Box::new(BufReader::new(io::stdin().lock())), None)
    } else {
        let file = File::open(&args.file).map_err(cannot_read)?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, file)), size)
    };
    let progress = Progress::new(size);
    let mut output = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let result = score_lines(
        input,
        &mut output,
        &options,
        &pool,
        jobs * WINDOW_PER_JOB,
        &mut |line| progress.written(line),
    )
    .and_then(|counts| {
        output.flush().map_err(Stop::Write)?;
        Ok(counts)
    });
    progress.finish();
    match result {
        Ok(counts) => {
            progress.summary(&counts);
            Ok(())
        }
        // A closed pipe (`| head`) is not an error worth a message.
        Err(Stop::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(Stop::Write(e)) => Err(Failure(format!("cannot write the reports: {e}"))),
        Err(Stop::Read(e)) => Err(cannot_read(e)),
    }
}

/// Why scoring stopped before the end of the input.
#[derive(Debug)]
pub enum Stop {
    Read(io::Error),
    Write(io::Error),
}

/// Lines scored, and how many of them were error records.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub lines: u64,
    pub errors: u64,
}

/// A line as written, for the progress display.
pub struct Written {
    pub input_bytes: u64,
    pub error: bool,
    pub counts_so_far: u64,
}

/// Scores every line of `input` on `pool`, writing one line per input line to `output` in
/// input order, with at most `window` lines read and not yet written.
pub fn score_lines(
    mut input: impl BufRead,
    output: &mut impl Write,
    options: &Options,
    pool: &rayon::ThreadPool,
    window: usize,
    on_written: &mut dyn FnMut(Written),
) -> Result<Counts, Stop> {
    let window = window.max(1);
    let (done, results) = mpsc::channel::<(u64, String, bool)>();
    let mut counts = Counts::default();
    // The lines read and not yet written, from the next one to write: its size in bytes,
    // and its output line once scored (`None` while in flight).
    let mut waiting: VecDeque<(u64, Option<(String, bool)>)> = VecDeque::with_capacity(window);
    pool.in_place_scope(|scope| {
        let mut read = 0u64;
        let mut end = false;
        loop {
            while !end && waiting.len() < window {
                match read_line(&mut input, MAX_LINE_BYTES).map_err(Stop::Read)? {
                    None => end = true,
                    Some((line, size)) => {
                        let done = done.clone();
                        let index = read;
                        scope.spawn(move |_| {
                            let (text, error) = score(index + 1, line, options);
                            // The receiver is gone only when writing failed: nothing to do.
                            let _ = done.send((index, text, error));
                        });
                        waiting.push_back((size, None));
                        read += 1;
                    }
                }
            }
            if waiting.is_empty() {
                return Ok(counts);
            }
            // Every spawned task sends exactly once (`score` cannot unwind), so a line in
            // flight always arrives.
            let (index, text, error) = results.recv().expect("a line in flight is scored");
            let written = read - waiting.len() as u64;
            waiting[(index - written) as usize].1 = Some((text, error));
            while waiting.front().is_some_and(|(_, scored)| scored.is_some()) {
                let Some((size, Some((text, error)))) = waiting.pop_front() else {
                    break;
                };
                output.write_all(text.as_bytes()).map_err(Stop::Write)?;
                output.write_all(b"\n").map_err(Stop::Write)?;
                counts.lines += 1;
                counts.errors += u64::from(error);
                on_written(Written {
                    input_bytes: size,
                    error,
                    counts_so_far: counts.lines,
                });
            }
        }
    })
}

/// One input line's output line (without its newline) and whether it is an error record.
/// `number` counts lines from 1. A panic in the library (it has none on any input,
/// docs/LIMITS.md) would still give a record rather than a hung batch.
fn score(number: u64, line: Line, options: &Options) -> (String, bool) {
    let result = catch_unwind(AssertUnwindSafe(|| match line {
        Line::TooLarge => Err(json_too_large("story")),
        Line::Bytes(bytes) => {
            let story = Story::from_json(utf8_text(&bytes, "story")?)?;
            drop(bytes);
            Ok(analyze(&story, options)?.to_compact_json())
        }
    }));
    match result {
        Ok(Ok(report)) => (report, false),
        Ok(Err(error)) => (error_record(number, error.path(), error.message()), true),
        Err(_) => (
            error_record(
                number,
                "story",
                "the analysis failed: please report this story",
            ),
            true,
        ),
    }
}

/// The error record of a line: `{"line":7,"error":{"path":"articles[3].leaning","message":"…"}}`.
pub fn error_record(number: u64, path: &str, message: &str) -> String {
    let string = |text: &str| serde_json::to_string(text).unwrap_or_default();
    format!(
        "{{\"line\":{number},\"error\":{{\"path\":{},\"message\":{}}}}}",
        string(path),
        string(message)
    )
}

/// A line of input: its bytes without the newline, or too large to be a story.
pub enum Line {
    Bytes(Vec<u8>),
    TooLarge,
}

/// The next line and its size in bytes with its newline, or `None` at the end of the input.
/// A line longer than `max` bytes is read through but not kept.
pub fn read_line(input: &mut impl BufRead, max: usize) -> io::Result<Option<(Line, u64)>> {
    let mut line = Vec::new();
    let mut too_large = false;
    let mut size = 0u64;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        let (piece, used, ends) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], at + 1, true),
            None => (buffer, buffer.len(), false),
        };
        if !too_large {
            if line.len() + piece.len() > max {
                too_large = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(piece);
            }
        }
        input.consume(used);
        size += used as u64;
        if ends {
            break;
        }
    }
    Ok(match (size, too_large) {
        (0, _) => None,
        (_, true) => Some((Line::TooLarge, size)),
        (_, false) => Some((Line::Bytes(line), size)),
    })
}

/// The progress bar on standard error, drawn only when standard error is a terminal: by
/// input bytes for a file, a count for standard input.
struct Progress {
    bar: Option<ProgressBar>,
    errors: std::cell::Cell<u64>,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress {
                bar: None,
                errors: Default::default(),
            };
        }
        let bar = match size {
            Some(size) => ProgressBar::new(size).with_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {percent:>3}% {msg} (eta {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress {
            bar: Some(bar),
            errors: Default::default(),
        }
    }

    fn written(&self, line: Written) {
        let Some(bar) = &self.bar else { return };
        self.errors.set(self.errors.get() + u64::from(line.error));
        bar.inc(if bar.length().is_some() {
            line.input_bytes
        } else {
            0
        });
        let per_second = line.counts_so_far as f64 / bar.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{} lines, {} error records, {per_second:.0} lines/s",
            line.counts_so_far,
            self.errors.get()
        ));
        if bar.length().is_none() {
            bar.tick();
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn summary(&self, counts: &Counts) {
        if self.bar.is_some() {
            eprintln!(
                "bias-compare batch: {} lines, {} reports, {} error records",
                counts.lines,
                counts.lines - counts.errors,
                counts.errors
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A reader over `lines` that records, each time a line is taken, how many lines have
    /// been taken and not yet written.
    struct Watched {
        data: io::Cursor<Vec<u8>>,
        taken: u64,
        written: Rc<Cell<u64>>,
        most_in_flight: Rc<Cell<u64>>,
    }

    impl io::Read for Watched {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.data.read(buf)
        }
    }

    impl BufRead for Watched {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            // One line at a time at most, so that taking a line is one `consume`.
            let buffer = self.data.fill_buf()?;
            let end = buffer
                .iter()
                .position(|&b| b == b'\n')
                .map_or(buffer.len(), |at| at + 1);
            Ok(&buffer[..end])
        }

        fn consume(&mut self, amount: usize) {
            let ends_line = self.data.fill_buf().unwrap()[..amount].ends_with(b"\n");
            self.data.consume(amount);
            if ends_line {
                self.taken += 1;
                let in_flight = self.taken - self.written.get();
                let most = self.most_in_flight.get().max(in_flight);
                self.most_in_flight.set(most);
            }
        }
    }

    #[test]
    fn no_more_than_the_window_of_lines_is_ever_read_and_not_yet_written() {
        let story = r#"{"articles":[{"id":"a","source":"S","leaning":"left","text":"A daring raid."},{"id":"b","source":"T","leaning":"right","text":"A reckless raid."}]}"#;
        let lines = 1000;
        let input: Vec<u8> = format!("{story}\n").repeat(lines).into_bytes();
        let written = Rc::new(Cell::new(0));
        let most_in_flight = Rc::new(Cell::new(0));
        let reader = Watched {
            data: io::Cursor::new(input),
            taken: 0,
            written: written.clone(),
            most_in_flight: most_in_flight.clone(),
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut output = Vec::new();
        let counts = score_lines(
            reader,
            &mut output,
            &Options::default(),
            &pool,
            4,
            &mut |_| written.set(written.get() + 1),
        )
        .unwrap();
        assert_eq!(
            counts,
            Counts {
                lines: lines as u64,
                errors: 0
            }
        );
        assert_eq!(String::from_utf8(output).unwrap().lines().count(), lines);
        assert!(most_in_flight.get() <= 4, "{}", most_in_flight.get());
        assert!(most_in_flight.get() >= 2, "lines ran side by side");
    }

    #[test]
    fn a_line_is_read_through_its_newline_and_a_long_one_is_not_kept() {
        let mut input = io::Cursor::new(b"abc\nxxxxxxxx\nlast".to_vec());
        let mut lines = Vec::new();
        while let Some((line, size)) = read_line(&mut input, 5).unwrap() {
            lines.push((
                match line {
                    Line::Bytes(bytes) => String::from_utf8(bytes).unwrap(),
                    Line::TooLarge => "too large".into(),
                },
                size,
            ));
        }
        assert_eq!(
            lines,
            [
                ("abc".to_owned(), 4),
                ("too large".to_owned(), 9),
                ("last".to_owned(), 4)
            ]
        );
    }
}
