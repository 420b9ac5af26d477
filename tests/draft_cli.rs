//! `zairyu procedures`, `zairyu postal` and `zairyu draft …` as a script sees them: JSON
//! shapes, exit codes, and a draft taken from empty to a clean check, exported and imported.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use zairyu_testkit::corpus;

fn zairyu(args: &[&str]) -> Output {
    zairyu_testkit::run(env!("CARGO_BIN_EXE_zairyu"), args, None)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A one-page PDF saying `text`, written by ghostscript.
fn pdf(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name).display().to_string();
    let status = Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=pdfwrite",
            &format!("-sOutputFile={path}"),
            "-c",
        ])
        .arg(format!(
            "/Helvetica findfont 20 scalefont setfont 72 720 moveto ({text}) show showpage"
        ))
        .status()
        .expect("ghostscript (scripts/setup.sh installs it)");
    assert!(status.success());
    path
}

#[test]
fn procedures_and_postal_keep_their_contract() {
    let all = json(&zairyu(&["procedures", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 6);
    let found = json(&zairyu(&[
        "procedures",
        "--search",
        "renewal",
        "--synonyms",
        "--json",
    ]));
    let ids: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["extension-of-stay"]);
    assert_eq!(
        json(&zairyu(&["procedures", "--search", "renewal", "--json"])),
        Value::Array(vec![])
    );

    let beppu = json(&zairyu(&["postal", "8748577", "--json"]));
    assert_eq!(beppu[0]["address"], "大分県別府市十文字原");
    let osaka = json(&zairyu(&["postal", "530-0000", "--json"]));
    assert_eq!(osaka[0]["prefecture"], "大阪府");
    let bad = zairyu(&["postal", "12", "--json"]);
    assert_eq!(bad.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&bad.stderr).unwrap();
    assert_eq!(err["code"], "postal_bad_code");
    assert_eq!(zairyu(&["postal", "0000000"]).status.code(), Some(1));
}

#[test]
fn a_draft_from_empty_to_a_clean_check_survives_export_and_import() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let dir = t.join("draft").display().to_string();
    ok(&zairyu(&[
        "draft",
        "new",
        "extension-of-stay",
        "--dir",
        &dir,
    ]));
    assert_eq!(
        zairyu(&["draft", "new", "extension-of-stay", "--dir", &dir])
            .status
            .code(),
        Some(1),
        "never over a draft"
    );

    let schema = json(&zairyu(&["draft", "schema", "extension-of-stay", "--json"]));
    assert_eq!(schema["procedure"], "extension-of-stay");
    assert!(schema["sections"].as_array().unwrap().len() >= 15);

    // Every form field from the fixture, as a person would type it (strings).
    let form: Value = serde_json::from_str(include_str!(
        "../crates/forms/tests/fixtures/extension-complete.json"
    ))
    .unwrap();
    let mut assignments = Vec::new();
    for (section, fields) in form.as_object().unwrap() {
        if section == "attachments" {
            continue;
        }
        for (field, value) in fields.as_object().unwrap() {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assignments.push(format!("{section}.{field}={text}"));
        }
    }
    let mut args = vec!["draft", "set", dir.as_str()];
    args.extend(assignments.iter().map(String::as_str));
    ok(&zairyu(&args));
    let normalised = zairyu(&["draft", "set", &dir, "applicant.postal_code=874-8577"]);
    ok(&normalised);
    assert!(String::from_utf8_lossy(&normalised.stdout)
        .contains("8748577 (normalised from \"874-8577\")"));

    let check = zairyu(&["draft", "check", &dir, "--json", "--today", "2026-11-24"]);
    assert_eq!(check.status.code(), Some(1));
    let report = json(&check);
    assert_eq!(report["ok"], false);
    let missing: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        missing.iter().all(|p| p.starts_with("attachments.")),
        "{missing:?}"
    );
    assert!(missing.contains(&"attachments.photo"));

    let photo = corpus::path("photo_good.jpg").display().to_string();
    let slots = [
        "receipt_request_form",
        "for_organization",
        "transcript",
        "certificate_of_enrollment",
        "submitted_documents_and_japanese",
        "financial_support_statement",
        "proof_of_funds",
    ];
    let mut files = vec![format!("attachments.photo={photo}")];
    for slot in slots {
        files.push(format!(
            "attachments.{slot}={}",
            pdf(t, &format!("{slot}.pdf"), slot)
        ));
    }
    let mut args = vec!["draft", "set", dir.as_str()];
    args.extend(files.iter().map(String::as_str));
    ok(&zairyu(&args));
    let check = zairyu(&["draft", "check", &dir, "--json", "--today", "2026-11-24"]);
    let report = json(&check);
    assert_eq!(check.status.code(), Some(0), "{report:#}");
    assert_eq!(report["ok"], true);

    let bundle = t.join("draft.zairyu").display().to_string();
    let moved = t.join("counter-pc").display().to_string();
    ok(&zairyu(&["draft", "export", &dir, &bundle]));
    ok(&zairyu(&["draft", "import", &bundle, &moved]));
    ok(&zairyu(&[
        "draft",
        "check",
        &moved,
        "--today",
        "2026-11-24",
    ]));
    assert_eq!(
        zairyu(&["draft", "import", &bundle, &moved]).status.code(),
        Some(1)
    );
    let shown = json(&zairyu(&["draft", "show", &moved, "--json"]));
    assert_eq!(shown["form"]["applicant"]["postal_code"], "8748577");
    assert_eq!(shown["attachments"].as_array().unwrap().len(), 8);
}

#[test]
fn usage_errors_exit_2_with_a_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("d").display().to_string();
    let out = zairyu(&["draft", "new", "no-such-procedure", "--dir", &dir]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("zairyu procedures"));
    ok(&zairyu(&[
        "draft",
        "new",
        "usage-application",
        "--dir",
        &dir,
    ]));
    assert_eq!(
        zairyu(&["draft", "set", &dir, "user.favourite=1"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        zairyu(&["draft", "set", &dir, "no-equals-sign"])
            .status
            .code(),
        Some(2)
    );
    // Every procedure of the list has its form now (issue 15 item 12); an unknown one has none.
    let out = zairyu(&["draft", "schema", "institution-notification", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let out = zairyu(&["draft", "schema", "no-such-procedure", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "unknown_procedure");
}
