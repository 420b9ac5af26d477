//! The subcommand groups of the `zairyu` command line, one module each.

pub(crate) mod card;
pub(crate) mod check;
pub(crate) mod draft;
pub(crate) mod org;
pub(crate) mod procedures;
pub(crate) mod serve;
pub(crate) mod sim;
pub(crate) mod ui_serve;

/// Prints an error the way every subcommand does: `{"code","message"}` on stderr with `--json`,
/// else `error: message` on stderr.
pub(crate) fn print_error(json: bool, code: &str, message: &str) {
    if json {
        let body = serde_json::json!({ "code": code, "message": message });
        eprintln!("{body}");
    } else {
        eprintln!("error: {message}");
    }
}
