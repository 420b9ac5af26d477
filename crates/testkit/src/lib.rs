//! `zairyu-testkit`: what the test suites share, in one dev-only place (never a normal
//! dependency of anything).
//!
//! - [`corpus`]: photos and PDFs generated once per test process with Debian's tools.
//! - [`cli`]: runs a command-line program (the `zairyu` binary) with text on stdin.
//! - [`python_tools`]: the Python interpreter and tools (aiosmtpd, schemathesis) of `.venv`.
//! - [`serve`]: `zairyu serve` as a child process on a free port, stopped when dropped.
//! - [`throttled_reception`]: a stand-in reception server with a slow (or stalled) uplink.
//!
//! The suites pass the binary's path (`env!("CARGO_BIN_EXE_zairyu")`): only the package that
//! builds it knows where it is.

pub mod cli;
pub mod corpus;
pub mod python_tools;
pub mod serve;
pub mod throttled_reception;

pub use cli::{run, run_ok};
pub use serve::ServeProcess;
