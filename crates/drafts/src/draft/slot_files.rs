//! The ordered list of files of a document slot (draft format 2; manual 4.2.8: "part 1, 2",
//! a year of bank statements): add one after the others, remove one (undoable), move one up
//! or down, put new bytes in place of one (a shrunk PDF).

use std::fs;

use serde_json::Value;
use zairyu_forms::schema::FieldKind;

use super::{safe_file_name, sha256_hex, AttachmentEntry, Draft};
use crate::atomic::write_atomic;
use crate::error::DraftError;

impl Draft {
    /// The files of a slot, in order.
    pub fn slot_files(&self, slot: &str) -> Vec<&AttachmentEntry> {
        self.meta
            .attachments
            .iter()
            .filter(|a| a.slot == slot)
            .collect()
    }

    /// Adds a file after the files already in a document slot and saves; a photo slot is
    /// replaced instead (one photo). A name another file of the draft already has gets a
    /// number (`statement-2.pdf`). Returns the new entry.
    pub fn add_file(
        &mut self,
        slot: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<AttachmentEntry, DraftError> {
        let schema = self.schema()?;
        match schema.field(slot).map(|(_, f)| f.kind) {
            Some(FieldKind::Attachment) => {}
            Some(FieldKind::Photo) => {
                self.attach(slot, file_name, bytes)?;
                return Ok(self.slot_files(slot)[0].clone());
            }
            _ => {
                return Err(zairyu_forms::FormsError::UnknownField {
                    procedure: self.meta.procedure.clone(),
                    field: slot.to_owned(),
                }
                .into())
            }
        }
        let base = safe_file_name(file_name)?;
        let file = self.free_file_path(&base);
        let target = self.dir.join(&file);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(DraftError::io(parent))?;
        }
        write_atomic(&target, bytes).map_err(DraftError::io(&target))?;
        let entry = AttachmentEntry {
            slot: slot.to_owned(),
            file,
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
        };
        let at = self
            .meta
            .attachments
            .iter()
            .rposition(|a| a.slot == slot)
            .map(|i| i + 1)
            .unwrap_or(self.meta.attachments.len());
        self.meta.attachments.insert(at, entry.clone());
        self.sync_slot_value(slot);
        self.save()?;
        Ok(entry)
    }

    /// `attachments/<name>`, numbered when another file of the draft (or a leftover on disk)
    /// already uses it.
    fn free_file_path(&self, base: &str) -> String {
        let (stem, ext) = match base.rfind('.') {
            Some(i) if i > 0 => (&base[..i], &base[i..]),
            _ => (base, ""),
        };
        let taken = |file: &str| {
            self.meta.attachments.iter().any(|a| a.file == file) || self.dir.join(file).exists()
        };
        let mut n = 1;
        loop {
            let name = if n == 1 {
                base.to_owned()
            } else {
                format!("{stem}-{n}{ext}")
            };
            let file = format!("attachments/{name}");
            if !taken(&file) {
                return file;
            }
            n += 1;
        }
    }

    /// Removes one file of a slot and saves; its bytes stay in `history/files/` so that
    /// [`Draft::undo`] brings it back in its place.
    pub fn remove_file(&mut self, slot: &str, file: &str) -> Result<(), DraftError> {
        let index = self.index_of(slot, file)?;
        let entry = self.meta.attachments.remove(index);
        self.keep_for_undo(&entry);
        let _ = fs::remove_file(self.dir.join(&entry.file));
        self.sync_slot_value(slot);
        self.save()
    }

    /// Moves one file of a slot one place up (towards the first part) or down, and saves.
    /// False (nothing saved) when it is already first or last.
    pub fn move_file(&mut self, slot: &str, file: &str, up: bool) -> Result<bool, DraftError> {
        let index = self.index_of(slot, file)?;
        let positions: Vec<usize> = (0..self.meta.attachments.len())
            .filter(|i| self.meta.attachments[*i].slot == slot)
            .collect();
        let place = positions.iter().position(|i| *i == index).unwrap_or(0);
        let other = if up {
            place.checked_sub(1).map(|p| positions[p])
        } else {
            positions.get(place + 1).copied()
        };
        let Some(other) = other else {
            return Ok(false);
        };
        self.meta.attachments.swap(index, other);
        self.sync_slot_value(slot);
        self.save()?;
        Ok(true)
    }

    /// Puts new bytes in place of one file of a slot (a shrunk or fixed PDF), keeping its
    /// name and place; the old bytes stay for undo. Saves.
    pub fn replace_file(&mut self, slot: &str, file: &str, bytes: &[u8]) -> Result<(), DraftError> {
        let index = self.index_of(slot, file)?;
        let old = self.meta.attachments[index].clone();
        self.keep_for_undo(&old);
        let target = self.dir.join(&old.file);
        write_atomic(&target, bytes).map_err(DraftError::io(&target))?;
        let entry = &mut self.meta.attachments[index];
        entry.sha256 = sha256_hex(bytes);
        entry.bytes = bytes.len() as u64;
        self.save()
    }

    fn index_of(&self, slot: &str, file: &str) -> Result<usize, DraftError> {
        self.meta
            .attachments
            .iter()
            .position(|a| a.slot == slot && a.file == file)
            .ok_or_else(|| DraftError::NoSuchFile {
                slot: slot.to_owned(),
                file: file.to_owned(),
            })
    }

    /// The slot's form value: the names of its files in order, joined by ", " (names hold no
    /// comma), or null when it is empty.
    pub(super) fn sync_slot_value(&mut self, slot: &str) {
        let names: Vec<&str> = self
            .slot_files(slot)
            .iter()
            .map(|a| a.file.rsplit('/').next().unwrap_or(&a.file))
            .collect();
        let value = if names.is_empty() {
            Value::Null
        } else {
            Value::String(names.join(", "))
        };
        self.put(slot, value);
    }
}
