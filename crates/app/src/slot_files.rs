//! The files of a document item (manual 4.2.8: "part 1, 2", a year of bank statements): each
//! file is its own entry of the slot, added after the others, removed (undo brings it back) or
//! moved up and down, within the manual's 20 files and 25,000,000 bytes per application. The
//! PDFs of a slot can be merged into one on request, and one PDF shrunk; both answer the size
//! and page count before and after.

use serde::Serialize;
use ts_rs::TS;

use crate::drafts_folder::{room_for, DraftState};
use crate::error::AppError;
use crate::App;

/// What a merge or a shrink did to the files of a slot.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfChange {
    pub draft: DraftState,
    /// Bytes and pages before (all the files merged, or the one shrunk) and after.
    #[ts(type = "number")]
    pub bytes_before: u64,
    #[ts(type = "number")]
    pub bytes_after: u64,
    pub pages_before: usize,
    pub pages_after: usize,
}

fn pages(bytes: &[u8]) -> usize {
    zairyu_checks::check_pdf_bytes(bytes).1.pages
}

fn fix_failed(e: zairyu_checks::FixError) -> AppError {
    AppError::FixFailed {
        code: e.0.code.clone(),
        message: e.0.message.clone(),
    }
}

impl App {
    /// Adds a file after the files of a document slot (a photo slot's one photo is replaced),
    /// unless the application would pass 20 files or 25,000,000 bytes.
    pub fn add_slot_file(
        &self,
        id: &str,
        slot: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<DraftState, AppError> {
        let photo = self.schema_kind_is_photo(id, slot)?;
        self.drafts_folder()
            .edit(id, |draft| {
                room_for(draft, photo.then_some(slot), bytes.len() as u64)?;
                Ok(draft.add_file(slot, name, bytes)?)
            })
            .map(|(_, state)| state)
    }

    /// Removes one file of a slot (`file` as listed, e.g. `attachments/bank-2.pdf`); undo
    /// brings it back in its place.
    pub fn remove_slot_file(
        &self,
        id: &str,
        slot: &str,
        file: &str,
    ) -> Result<DraftState, AppError> {
        self.drafts_folder()
            .edit(id, |draft| Ok(draft.remove_file(slot, file)?))
            .map(|(_, state)| state)
    }

    /// Moves one file of a slot one place up (towards part 1) or down.
    pub fn move_slot_file(
        &self,
        id: &str,
        slot: &str,
        file: &str,
        up: bool,
    ) -> Result<DraftState, AppError> {
        self.drafts_folder()
            .edit(id, |draft| Ok(draft.move_file(slot, file, up)?))
            .map(|(_, state)| state)
    }

    /// "Merge these PDFs into one": the slot's PDFs, in order, become one file named after the
    /// first.
    pub fn merge_slot_pdfs(&self, id: &str, slot: &str) -> Result<PdfChange, AppError> {
        let ((before, after), draft) = self.drafts_folder().edit(id, |draft| {
            let entries: Vec<_> = draft.slot_files(slot).into_iter().cloned().collect();
            let first = entries
                .first()
                .ok_or_else(|| AppError::NothingAttached(slot.to_owned()))?;
            let parts = entries
                .iter()
                .map(|e| draft.read_file(e))
                .collect::<Result<Vec<_>, _>>()?;
            let before = (
                parts.iter().map(|p| p.len() as u64).sum::<u64>(),
                parts.iter().map(|p| pages(p)).sum::<usize>(),
            );
            if parts.len() < 2 {
                return Ok((before, before));
            }
            let merged = zairyu_checks::merge_pdfs(&parts).map_err(fix_failed)?;
            let name = first
                .file
                .rsplit('/')
                .next()
                .unwrap_or(&first.file)
                .to_owned();
            let after = (merged.len() as u64, pages(&merged));
            draft.attach(slot, &name, &merged)?;
            Ok((before, after))
        })?;
        Ok(PdfChange {
            draft,
            bytes_before: before.0,
            bytes_after: after.0,
            pages_before: before.1,
            pages_after: after.1,
        })
    }

    /// Shrinks the scanned pages of one PDF of a slot to at most three quarters of its size
    /// (and within what the other files leave of the 25,000,000 bytes). The work is done off
    /// the draft's lock; the result goes in only if the file did not change meanwhile.
    pub fn shrink_draft_pdf(
        &self,
        id: &str,
        slot: &str,
        file: &str,
    ) -> Result<PdfChange, AppError> {
        let snapshot = self.drafts_folder().open(id)?;
        let entry = snapshot
            .slot_files(slot)
            .into_iter()
            .find(|e| e.file == file)
            .cloned()
            .ok_or_else(|| AppError::NothingAttached(slot.to_owned()))?;
        let old = snapshot.read_file(&entry)?;
        let others: u64 = snapshot
            .meta()
            .attachments
            .iter()
            .filter(|a| a.file != file)
            .map(|a| a.bytes)
            .sum();
        let max = zairyu_checks::Limits::official().set_max_total_bytes;
        let target = (old.len() as u64 * 3 / 4).min(max.saturating_sub(others));
        let smaller = zairyu_checks::shrink_pdf(&old, target).map_err(fix_failed)?;
        let ((), draft) = self.drafts_folder().edit(id, |draft| {
            let same = draft
                .slot_files(slot)
                .iter()
                .any(|e| e.file == file && e.sha256 == entry.sha256);
            if !same {
                return Err(AppError::DraftFileChanged(file.to_owned()));
            }
            Ok(draft.replace_file(slot, file, &smaller)?)
        })?;
        Ok(PdfChange {
            draft,
            bytes_before: old.len() as u64,
            bytes_after: smaller.len() as u64,
            pages_before: pages(&old),
            pages_after: pages(&smaller),
        })
    }

    pub(crate) fn schema_kind_is_photo(&self, id: &str, slot: &str) -> Result<bool, AppError> {
        let draft = self.drafts_folder().open(id)?;
        Ok(draft
            .schema()?
            .field(slot)
            .is_some_and(|(_, f)| f.kind == zairyu_forms::schema::FieldKind::Photo))
    }
}

#[cfg(test)]
mod tests {
    use crate::{App, Profile};

    #[test]
    fn files_of_a_slot_are_listed_moved_removed_merged_and_shrunk() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        let draft = app.create_draft("extension-of-stay").unwrap();
        let slot = "attachments.for_organization";
        let part = std::fs::read(zairyu_testkit::corpus::path("pdf_good.pdf")).unwrap();
        app.add_slot_file(&draft.id, slot, "part1.pdf", &part)
            .unwrap();
        let state = app
            .add_slot_file(&draft.id, slot, "part2.pdf", &part)
            .unwrap();
        let listed: Vec<_> = state
            .report
            .files
            .iter()
            .filter(|f| f.slot == slot)
            .map(|f| (f.name.clone(), f.pages))
            .collect();
        let one = listed[0].1.expect("a PDF's pages");
        assert_eq!(
            listed,
            [
                ("part1.pdf".into(), Some(one)),
                ("part2.pdf".into(), Some(one))
            ]
        );
        let state = app
            .move_slot_file(&draft.id, slot, "attachments/part2.pdf", true)
            .unwrap();
        let names: Vec<_> = state.report.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["part2.pdf", "part1.pdf"]);

        let merged = app.merge_slot_pdfs(&draft.id, slot).unwrap();
        assert_eq!(merged.pages_before, 2 * one);
        assert_eq!(merged.pages_after, 2 * one, "both parts, in one PDF");
        let slots: Vec<_> = merged
            .draft
            .report
            .files
            .iter()
            .filter(|f| f.slot == slot)
            .collect();
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[0].name, "part2.pdf");
        assert_eq!(slots[0].bytes, merged.bytes_after);

        let scan = std::fs::read(zairyu_testkit::corpus::path("pdf_scan_large.pdf")).unwrap();
        let bank = "attachments.proof_of_funds";
        app.add_slot_file(&draft.id, bank, "bank.pdf", &scan)
            .unwrap();
        let shrunk = app
            .shrink_draft_pdf(&draft.id, bank, "attachments/bank.pdf")
            .unwrap();
        assert!(shrunk.bytes_after < shrunk.bytes_before);
        assert_eq!(shrunk.pages_after, shrunk.pages_before);

        let state = app
            .remove_slot_file(&draft.id, bank, "attachments/bank.pdf")
            .unwrap();
        assert!(state.report.files.iter().all(|f| f.slot != bank));
        assert!(state.can_undo);
        let back = app.undo_draft(&draft.id).unwrap();
        assert!(back.report.files.iter().any(|f| f.slot == bank));
    }

    #[test]
    fn the_twenty_first_file_and_the_byte_past_25_mb_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        let draft = app.create_draft("extension-of-stay").unwrap();
        let slot = "attachments.proof_of_funds";
        for n in 0..20 {
            app.add_slot_file(&draft.id, slot, &format!("p{n}.pdf"), b"%PDF-1.4 x")
                .unwrap();
        }
        let err = app
            .add_slot_file(&draft.id, slot, "p20.pdf", b"%PDF-1.4 x")
            .unwrap_err();
        assert_eq!(err.code(), "attachments_too_many");
        assert!(err.to_string().contains("at most 20 files"), "{err}");

        let other = app.create_draft("extension-of-stay").unwrap();
        let big = vec![b'x'; 24_000_000];
        app.add_slot_file(&other.id, slot, "big.pdf", &big).unwrap();
        let err = app
            .add_slot_file(&other.id, slot, "more.pdf", &vec![b'y'; 1_000_001])
            .unwrap_err();
        assert_eq!(err.code(), "attachments_too_large");
        assert!(err.to_string().contains("shrink"), "{err}");
        // Exactly at the limit is allowed.
        app.add_slot_file(&other.id, slot, "more.pdf", &vec![b'y'; 1_000_000])
            .unwrap();
    }
}
