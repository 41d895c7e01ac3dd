//! What the CLI's integration tests share: running the built binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `bias-compare` with `args`, feeding `stdin` if given, and collects its output.
pub fn run_cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bias-compare"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.map(<[u8]>::to_vec);
    // Feed standard input from a thread: the CLI may stop reading early (too large).
    let writer = std::thread::spawn(move || {
        if let Some(input) = input {
            let _ = pipe.write_all(&input);
        }
    });
    let output = child.wait_with_output().expect("the CLI runs");
    writer.join().expect("the writer thread");
    output
}
