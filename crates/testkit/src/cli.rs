//! Runs a command-line program as a script would: arguments, text on stdin, output captured.

use std::ffi::{OsStr, OsString};
use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

/// Runs `program` with `args`, writes `stdin` (if any) then closes it, and waits for the end.
pub fn run<I, S>(program: impl AsRef<OsStr>, args: I, stdin: Option<&str>) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let program = program.as_ref();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("{} cannot start: {err}", program.display()));
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(text) = stdin {
        // A program that ends without reading its input closes the pipe: its output says why.
        if let Err(err) = input.write_all(text.as_bytes()) {
            assert!(err.kind() == ErrorKind::BrokenPipe, "writing stdin: {err}");
        }
    }
    drop(input);
    child
        .wait_with_output()
        .unwrap_or_else(|err| panic!("{} did not finish: {err}", program.display()))
}

/// Like [`run`], but the program must succeed; answers its standard output.
pub fn run_ok<I, S>(program: impl AsRef<OsStr>, args: I, stdin: Option<&str>) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let out = run(program.as_ref(), &args, stdin);
    assert!(
        out.status.success(),
        "{} {args:?}: {}{}",
        program.as_ref().display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_reaches_the_program_and_a_failure_is_an_output() {
        assert_eq!(run_ok("cat", [] as [&str; 0], Some("typed\n")), "typed\n");
        let out = run("sh", ["-c", "exit 3"], Some("ignored"));
        assert_eq!(out.status.code(), Some(3));
    }
}
