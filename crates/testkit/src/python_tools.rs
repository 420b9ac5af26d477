//! Where the Python tools the tests drive live: `scripts/setup.sh` installs them into the
//! repository's own virtual environment (`.venv`, so Debian 12/13 and Ubuntu 24.04, which
//! refuse a system-wide `pip install` under PEP 668, work as well as a pyenv Python), and a
//! test asks here for the interpreter or a tool's command.

use std::path::PathBuf;

/// The repository's `.venv/bin` (whether or not it exists yet).
fn venv_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin")
}

/// The command for `name` (`python3`, `st`): the virtual environment's when setup made one,
/// else whatever `name` is on PATH.
pub fn tool(name: &str) -> PathBuf {
    let own = venv_bin().join(name);
    if own.exists() {
        own
    } else {
        PathBuf::from(name)
    }
}

/// The Python interpreter that has the packages of `scripts/python-requirements.txt`.
pub fn python() -> PathBuf {
    tool("python3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_tool_falls_back_to_the_path() {
        assert_eq!(
            tool("no-such-tool-here"),
            PathBuf::from("no-such-tool-here")
        );
    }

    #[test]
    fn the_virtual_environment_is_preferred_when_setup_made_it() {
        if venv_bin().join("python3").exists() {
            assert!(python().is_absolute());
            assert!(python().ends_with(".venv/bin/python3"));
        } else {
            assert_eq!(python(), PathBuf::from("python3"));
        }
    }
}
