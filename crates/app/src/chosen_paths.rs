//! What the app does with a path the user chose in a native save or open dialog (the dialog
//! itself is the desktop shell's): export a draft to it, open a bundle from it, attach a file
//! from it, save a receipt or the PDF copy of a filed application to it. Each answers the path
//! written (the UI offers "Show in folder" with it).

use std::path::{Path, PathBuf};

use crate::error::AppError;
use crate::filed_copy;
use crate::{App, DraftState};

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> AppError + '_ {
    move |source| AppError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so a failed save never leaves
/// half a file under the chosen name.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let tmp = path.with_extension("zairyu-partial");
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

impl App {
    /// "Export draft" to the chosen file (a `.zairyu` bundle); answers its path.
    pub fn export_draft_to(&self, id: &str, path: &str) -> Result<String, AppError> {
        self.drafts_folder().export(id, Some(Path::new(path)))
    }

    /// Opens a draft bundle from the chosen file as a new draft.
    pub fn import_draft_from(&self, path: &str) -> Result<DraftState, AppError> {
        let file = PathBuf::from(path);
        if !file.is_file() {
            return Err(AppError::NotAFile(path.to_owned()));
        }
        self.import_draft(&file)
    }

    /// Attaches the chosen file to a slot with the file's own name, as the HTML picker does: a
    /// document item gets it added after its files (`add_slot_file`), the photo slot has it
    /// replace the photo.
    pub fn attach_file_from(
        &self,
        draft_id: &str,
        slot: &str,
        path: &str,
    ) -> Result<DraftState, AppError> {
        let file = Path::new(path);
        if !file.is_file() {
            return Err(AppError::NotAFile(path.to_owned()));
        }
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| AppError::NotAFile(path.to_owned()))?;
        let bytes = std::fs::read(file).map_err(io(file))?;
        if self.schema_kind_is_photo(draft_id, slot)? {
            self.attach_to_draft(draft_id, slot, &name, &bytes)
        } else {
            self.add_slot_file(draft_id, slot, &name, &bytes)
        }
    }

    /// Saves the receipt of an application filed from this computer as a text file.
    pub fn save_receipt_to(&self, application_id: i64, path: &str) -> Result<String, AppError> {
        let receipt = self
            .receipts()
            .into_iter()
            .find(|r| r.application.id == application_id)
            .ok_or(AppError::NoSuchReceipt(application_id))?;
        let a = &receipt.application;
        let mut text = String::new();
        text.push_str("Zairyu: receipt of an application / 申請受付票\n\n");
        let name = match (&a.procedure_name_en, &a.procedure_name_ja) {
            (Some(en), Some(ja)) => format!("{en} / {ja}"),
            _ => a.procedure_id.clone(),
        };
        for (label, value) in [
            ("Procedure / 手続", name),
            ("Reference number / 整理番号", a.reference_number.clone()),
            (
                "Temporary reception number / 仮申請受付番号",
                a.temporary_reception_number.clone(),
            ),
            (
                "Temporary application number / 仮申請番号",
                a.temporary_application_number.clone().unwrap_or_default(),
            ),
            ("Submission ID / 送信ID", a.submission_id.clone()),
            ("Received at / 受付日時", receipt.received_at.clone()),
        ] {
            text.push_str(&format!("{label}: {value}\n"));
        }
        write_whole(Path::new(path), text.as_bytes())?;
        Ok(path.to_owned())
    }

    /// "Save a copy of the filed application": a PDF made from what the server keeps (so it
    /// can be printed again any time, on any computer), written to the chosen file; an empty
    /// path (no native dialog: the browser UI) puts it in `DATA/downloads/<reference>/`.
    pub fn save_filed_copy(&self, application_id: i64, path: &str) -> Result<String, AppError> {
        let details = self.application_details(application_id)?;
        let schema = zairyu_forms::schema_for(&details.application.procedure_id).ok();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let pdf = filed_copy::render(&details, schema, now)?;
        let file = if path.is_empty() {
            let reference = &details.application.reference_number;
            let dir = self.downloads_dir(reference)?;
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            dir.join(format!("zairyu-application-{name}.pdf"))
        } else {
            PathBuf::from(path)
        };
        write_whole(&file, &pdf)?;
        Ok(file.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::{App, Profile};

    #[test]
    fn files_chosen_in_a_dialog_are_added_after_a_document_items_files_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path().join("data"), Profile::Production).unwrap();
        let draft = app.create_draft("extension-of-stay").unwrap();
        let slot = "attachments.for_organization";
        let pdf = dir.path().join("bank-january.pdf");
        std::fs::copy(zairyu_testkit::corpus::path("pdf_good.pdf"), &pdf).unwrap();
        let second = dir.path().join("bank-february.pdf");
        std::fs::copy(&pdf, &second).unwrap();
        app.attach_file_from(&draft.id, slot, pdf.to_str().unwrap())
            .unwrap();
        let state = app
            .attach_file_from(&draft.id, slot, second.to_str().unwrap())
            .unwrap();
        let names: Vec<_> = state
            .report
            .files
            .iter()
            .filter(|f| f.slot == slot)
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["bank-january.pdf", "bank-february.pdf"]);

        let folder = dir.path().join("a-folder");
        std::fs::create_dir(&folder).unwrap();
        let refused = app
            .attach_file_from(&draft.id, slot, folder.to_str().unwrap())
            .unwrap_err();
        assert_eq!(refused.code(), "not_a_file");
    }
}
