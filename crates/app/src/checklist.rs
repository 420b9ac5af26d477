//! The "what to prepare before applying" checklist of the home screen (manual section 1).
//!
//! The items are fixed here by id, in the order the student meets them; their text lives in
//! the UI's translations. The smartphone of the manual is replaced by a USB NFC reader.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{json_file, AppError};

const FILE: &str = "checklist.json";

/// One thing to have at hand before applying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItemId {
    MyNumberCard,
    CardPins,
    ResidenceCard,
    Passport,
    Pc,
    CardReader,
    DocumentsPdf,
}

impl ChecklistItemId {
    /// Every item, in display order.
    pub const ALL: [ChecklistItemId; 7] = [
        ChecklistItemId::MyNumberCard,
        ChecklistItemId::CardPins,
        ChecklistItemId::ResidenceCard,
        ChecklistItemId::Passport,
        ChecklistItemId::Pc,
        ChecklistItemId::CardReader,
        ChecklistItemId::DocumentsPdf,
    ];
}

/// A checklist item and whether the student ticked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChecklistItem {
    pub id: ChecklistItemId,
    pub done: bool,
}

/// The saved ticks. Unknown ids (from a newer version) are kept when saving.
pub(crate) type Ticks = BTreeMap<String, bool>;

/// The saved ticks as read from disk (missing, found, or moved aside as corrupt).
pub(crate) fn load(dir: &Path) -> Result<json_file::Read<Ticks>, AppError> {
    json_file::read_json(dir, FILE)
}

/// Sets one tick in `ticks` and saves them all.
pub(crate) fn set(
    dir: &Path,
    mut ticks: Ticks,
    id: ChecklistItemId,
    done: bool,
) -> Result<Vec<ChecklistItem>, AppError> {
    ticks.insert(key(id), done);
    json_file::write_json(dir, FILE, &ticks)?;
    Ok(items(&ticks))
}

/// The items in display order with the ticks applied.
pub(crate) fn items(ticks: &Ticks) -> Vec<ChecklistItem> {
    ChecklistItemId::ALL
        .iter()
        .map(|&id| ChecklistItem {
            id,
            done: ticks.get(&key(id)).copied().unwrap_or(false),
        })
        .collect()
}

fn key(id: ChecklistItemId) -> String {
    match serde_json::to_value(id) {
        Ok(serde_json::Value::String(name)) => name,
        _ => unreachable!("checklist ids serialise as strings"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_items_start_unticked_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let list = items(&load(dir.path()).unwrap().value().unwrap_or_default());
        assert_eq!(
            list.iter().map(|i| i.id).collect::<Vec<_>>(),
            ChecklistItemId::ALL
        );
        assert!(list.iter().all(|i| !i.done));
    }

    #[test]
    fn untick_and_unknown_ids_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), br#"{"future_item":true}"#).unwrap();
        let ticks = load(dir.path()).unwrap().value().unwrap();
        set(dir.path(), ticks, ChecklistItemId::Pc, true).unwrap();
        let ticks = load(dir.path()).unwrap().value().unwrap();
        let list = set(dir.path(), ticks, ChecklistItemId::Pc, false).unwrap();
        assert!(list.iter().all(|i| !i.done));
        let saved = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(saved.contains("future_item"), "{saved}");
        assert!(saved.contains("\"pc\": false"), "{saved}");
    }
}
