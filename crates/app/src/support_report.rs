//! Settings → Diagnosis → "Save a support report": a zip of the diagnosis (as text) and the
//! recent log files, nothing else — no drafts, attachments, receipts, settings or session.
//! [`App::support_report`] lists what the zip will hold before the user saves it
//! ([`App::save_support_report_to`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::{App, Diagnosis};

/// The name of the diagnosis inside the zip.
pub(crate) const DIAGNOSIS_FILE: &str = "diagnosis.txt";

/// What a support report holds, shown before it is saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SupportReport {
    /// The zip's files in order: [`DIAGNOSIS_FILE`] first, then the log files, newest first.
    pub files: Vec<SupportReportFile>,
    /// The text of [`DIAGNOSIS_FILE`].
    pub diagnosis: String,
}

/// One file of a support report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SupportReportFile {
    pub name: String,
    pub bytes: u32,
}

impl App {
    /// Where the shell writes the log files (the support report takes them from there).
    pub fn set_log_dir(&self, dir: impl Into<PathBuf>) {
        *crate::lock(&self.log_dir) = Some(dir.into());
    }

    /// The folder of the log files, if the shell writes any.
    pub fn log_dir(&self) -> Option<PathBuf> {
        crate::lock(&self.log_dir).clone()
    }

    /// What "Save a support report" would save now.
    pub fn support_report(&self) -> SupportReport {
        let diagnosis = self.diagnosis_text(&self.diagnosis());
        let mut files = vec![SupportReportFile {
            name: DIAGNOSIS_FILE.to_owned(),
            bytes: clamp(diagnosis.len() as u64),
        }];
        for log in self.log_files() {
            let bytes = std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
            files.push(SupportReportFile {
                name: file_name(&log),
                bytes: clamp(bytes),
            });
        }
        SupportReport { files, diagnosis }
    }

    /// Saves the support report as a zip at the chosen path; an empty path (no native dialog:
    /// the browser UI) puts it in the app-data folder. Answers the path written.
    pub fn save_support_report_to(&self, path: &str) -> Result<String, AppError> {
        let file = if path.is_empty() {
            let stamp = zairyu_drafts::now().replace([':', '-'], "");
            self.data_dir
                .join(format!("zairyu-support-report-{stamp}.zip"))
        } else {
            PathBuf::from(path)
        };
        let io = |source: std::io::Error| AppError::Io {
            path: file.clone(),
            source,
        };
        let zipped = |e: zip::result::ZipError| io(std::io::Error::other(e));
        let report = self.support_report();
        let tmp = file.with_extension("zairyu-partial");
        let written = (|| {
            let out = std::fs::File::create(&tmp).map_err(io)?;
            let mut zip = zip::ZipWriter::new(out);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file(DIAGNOSIS_FILE, options).map_err(zipped)?;
            zip.write_all(report.diagnosis.as_bytes()).map_err(io)?;
            for log in self.log_files() {
                let Ok(bytes) = std::fs::read(&log) else {
                    continue; // rotated away meanwhile
                };
                zip.start_file(format!("logs/{}", file_name(&log)), options)
                    .map_err(zipped)?;
                zip.write_all(&bytes).map_err(io)?;
            }
            zip.finish().map_err(zipped)?.sync_all().map_err(io)?;
            std::fs::rename(&tmp, &file).map_err(io)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        log::info!(target: crate::log_trail::TARGET, "support report saved");
        Ok(file.display().to_string())
    }

    /// The log files (`*.log`), newest first; none when the shell writes no log.
    fn log_files(&self) -> Vec<PathBuf> {
        let Some(dir) = self.log_dir() else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "log"))
            .map(|p| {
                let modified = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (modified, p)
            })
            .collect();
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        files.into_iter().map(|(_, p)| p).collect()
    }

    /// The diagnosis as the text of [`DIAGNOSIS_FILE`]: the app, the computer's clock, the
    /// card reader service, readers and card, the server, the outbox's size and the folders
    /// (the home folder written `~`, as it may carry the user's name).
    fn diagnosis_text(&self, d: &Diagnosis) -> String {
        let yes = |b: bool| if b { "yes" } else { "no" };
        let tries = |t: Option<u8>| t.map_or("-".to_owned(), |n| n.to_string());
        let readers = if d.readers.is_empty() {
            "none".to_owned()
        } else {
            d.readers
                .iter()
                .map(|r| {
                    let card = if r.card_present { "card" } else { "no card" };
                    format!("{} ({card})", r.name)
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let card = match (&d.card, &d.card_error) {
            (Some(c), _) => format!(
                "{}; tries left: authentication PIN {}, card-info PIN {}, signature password {}",
                if c.my_number_card {
                    "a My Number Card"
                } else {
                    "not a My Number Card"
                },
                tries(c.auth_pin_tries),
                tries(c.text_pin_tries),
                tries(c.sign_password_tries)
            ),
            (None, Some(code)) => format!("could not be read: {code}"),
            (None, None) => "none".to_owned(),
        };
        let log_dir = self
            .log_dir()
            .map_or("(no log files)".to_owned(), |p| without_home(&p));
        [
            "Zairyu support report".to_owned(),
            format!("version: {}", env!("CARGO_PKG_VERSION")),
            format!("profile: {}", self.profile.as_str()),
            format!(
                "system: {} {}",
                std::env::consts::OS,
                std::env::consts::ARCH
            ),
            format!("clock (UTC): {}", d.clock_utc),
            format!("card reader service (PC/SC): {}", yes(d.pcsc_available)),
            format!("readers: {readers}"),
            format!("card: {card}"),
            format!(
                "server: {} (answers: {})",
                d.server.as_deref().unwrap_or("none"),
                yes(d.server_reachable)
            ),
            format!(
                "submissions waiting in the outbox: {}",
                d.queued_submissions
            ),
            format!("data folder: {}", without_home(Path::new(&d.data_dir))),
            format!("log folder: {log_dir}"),
            String::new(),
        ]
        .join("\n")
    }
}

fn clamp(bytes: u64) -> u32 {
    u32::try_from(bytes).unwrap_or(u32::MAX)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `path` with the user's home folder written `~`.
fn without_home(path: &Path) -> String {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    match home.map(PathBuf::from) {
        Some(home) if !home.as_os_str().is_empty() => match path.strip_prefix(&home) {
            Ok(rest) => Path::new("~").join(rest).display().to_string(),
            Err(_) => path.display().to_string(),
        },
        _ => path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use crate::{App, MemoryVault, Profile};

    #[test]
    fn the_report_holds_the_diagnosis_and_the_logs_and_no_draft() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path().join("data"), Profile::Production)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()));
        let logs = dir.path().join("logs");
        std::fs::create_dir_all(&logs).unwrap();
        std::fs::write(logs.join("zairyu.log"), "INFO zairyu_app: app opened\n").unwrap();
        std::fs::write(logs.join("notes.txt"), "not a log").unwrap();
        app.set_log_dir(&logs);
        let draft = app.create_draft("extension-of-stay").unwrap();
        app.set_draft_field(&draft.id, "applicant.name_en", "TRAN VAN MINH")
            .unwrap();

        let shown = app.support_report();
        let names: Vec<_> = shown.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["diagnosis.txt", "zairyu.log"]);
        assert!(shown.diagnosis.contains("profile: production"));

        let target = dir.path().join("chosen").join("report.zip");
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let saved = app
            .save_support_report_to(target.to_str().unwrap())
            .unwrap();
        assert_eq!(saved, target.display().to_string());
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&target).unwrap()).unwrap();
        let entries: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned())
            .collect();
        assert!(entries.contains(&"diagnosis.txt".to_owned()), "{entries:?}");
        assert!(
            entries.contains(&"logs/zairyu.log".to_owned()),
            "{entries:?}"
        );
        assert_eq!(
            entries.len(),
            2,
            "only the diagnosis and the log: {entries:?}"
        );
        let mut all = String::new();
        for i in 0..zip.len() {
            zip.by_index(i).unwrap().read_to_string(&mut all).unwrap();
        }
        assert!(all.contains("app opened") && all.contains("Zairyu support report"));
        assert!(!all.contains("TRAN VAN MINH") && !all.contains(&draft.id));
        assert!(!target.with_extension("zairyu-partial").exists());
    }
}
