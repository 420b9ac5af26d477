//! Several files for one document item (manual 4.2.8: "part 1, 2", a year of bank
//! statements): a PDF added to a slot that already holds one is merged after it into one PDF,
//! and an attached PDF can be shrunk; each answers the size and page count before and after.

use serde::Serialize;
use ts_rs::TS;

use crate::drafts_folder::DraftState;
use crate::error::AppError;
use crate::App;

/// What a merge or a shrink did to the file of a slot.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfChange {
    pub draft: DraftState,
    /// Bytes and pages of the slot's file before (0 when the slot was empty) and after.
    #[ts(type = "number")]
    pub bytes_before: u64,
    #[ts(type = "number")]
    pub bytes_after: u64,
    pub pages_before: usize,
    pub pages_after: usize,
}

/// The manual's limit for all files together (4.2.8: 25,000,000 bytes).
const SET_MAX_BYTES: u64 = 25_000_000;

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
    /// Adds a PDF to a document slot: attached as it is when the slot is empty, else merged
    /// after the file already there (the slot keeps one PDF, its parts in order).
    pub fn add_pdf_part(
        &self,
        id: &str,
        slot: &str,
        name: &str,
        bytes: &[u8],
    ) -> Result<PdfChange, AppError> {
        let current = self.drafts_folder().slot_file(id, slot)?;
        let Some((old_name, old)) = current else {
            let draft = self.drafts_folder().attach(id, slot, name, bytes)?;
            return Ok(PdfChange {
                draft,
                bytes_before: 0,
                bytes_after: bytes.len() as u64,
                pages_before: 0,
                pages_after: pages(bytes),
            });
        };
        let merged =
            zairyu_checks::merge_pdfs(&[old.clone(), bytes.to_vec()]).map_err(fix_failed)?;
        let draft = self.drafts_folder().attach(id, slot, &old_name, &merged)?;
        Ok(PdfChange {
            draft,
            bytes_before: old.len() as u64,
            bytes_after: merged.len() as u64,
            pages_before: pages(&old),
            pages_after: pages(&merged),
        })
    }

    /// Shrinks the scanned pages of the PDF in a slot to at most three quarters of its size
    /// (and within what the other files leave of the 25,000,000 bytes).
    pub fn shrink_draft_pdf(&self, id: &str, slot: &str) -> Result<PdfChange, AppError> {
        let (name, old) = self
            .drafts_folder()
            .slot_file(id, slot)?
            .ok_or_else(|| AppError::NothingAttached(slot.to_owned()))?;
        let others: u64 = self
            .drafts_folder()
            .get(id)?
            .meta
            .attachments
            .iter()
            .filter(|a| a.slot != slot)
            .map(|a| a.bytes)
            .sum();
        let target = (old.len() as u64 * 3 / 4).min(SET_MAX_BYTES.saturating_sub(others));
        let smaller = zairyu_checks::shrink_pdf(&old, target).map_err(fix_failed)?;
        let draft = self.drafts_folder().attach(id, slot, &name, &smaller)?;
        Ok(PdfChange {
            draft,
            bytes_before: old.len() as u64,
            bytes_after: smaller.len() as u64,
            pages_before: pages(&old),
            pages_after: pages(&smaller),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{App, Profile};

    #[test]
    fn a_second_part_is_merged_after_the_first_and_a_scan_shrinks() {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path(), Profile::Production).unwrap();
        let draft = app.create_draft("extension-of-stay").unwrap();
        let slot = "attachments.for_organization";
        let part = std::fs::read(zairyu_testkit::corpus::path("pdf_good.pdf")).unwrap();
        let first = app
            .add_pdf_part(&draft.id, slot, "part1.pdf", &part)
            .unwrap();
        assert_eq!((first.bytes_before, first.pages_before), (0, 0));
        assert!(first.pages_after >= 1);
        let second = app
            .add_pdf_part(&draft.id, slot, "part2.pdf", &part)
            .unwrap();
        assert_eq!(second.pages_before, first.pages_after);
        assert_eq!(
            second.pages_after,
            2 * first.pages_after,
            "both parts, in one PDF"
        );
        let slots: Vec<_> = second
            .draft
            .meta
            .attachments
            .iter()
            .filter(|a| a.slot == slot)
            .collect();
        assert_eq!(slots.len(), 1);
        assert!(slots[0].file.ends_with("part1.pdf"));
        assert_eq!(slots[0].bytes, second.bytes_after);

        let scan = std::fs::read(zairyu_testkit::corpus::path("pdf_scan_large.pdf")).unwrap();
        let bank = "attachments.proof_of_funds";
        app.add_pdf_part(&draft.id, bank, "bank.pdf", &scan)
            .unwrap();
        let shrunk = app.shrink_draft_pdf(&draft.id, bank).unwrap();
        assert!(shrunk.bytes_after < shrunk.bytes_before);
        assert_eq!(shrunk.pages_after, shrunk.pages_before);
    }
}
