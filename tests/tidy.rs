//! Repository-wide rules checked as tests: every Rust file opens with a `//!` doc line, and no
//! module is named after a vague role (`utils`, `helpers`, `manager`, `misc`).

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "node_modules" | ".git" | "gen" | "dist"
            ) {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

fn all_rust_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "src-tauri", "crates", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 10, "found only {} Rust files", files.len());
    files
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            !text.trim_start_matches('\u{feff}').starts_with("//!")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "these files do not start with a `//!` line saying what they are for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_module_is_named_after_a_vague_role() {
    let vague = [
        "utils.rs",
        "util.rs",
        "helpers.rs",
        "helper.rs",
        "manager.rs",
        "misc.rs",
    ];
    let found: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            vague.contains(&name.as_ref())
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        found.is_empty(),
        "name these modules after what they hold: {found:?}"
    );
}
