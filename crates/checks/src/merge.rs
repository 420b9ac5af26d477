//! Merging several PDFs into one, so a student can stay within the 20-file limit.

use lopdf::{dictionary, Document, Object, ObjectId};

use crate::finding::Problem;
use crate::limits::Limits;
use crate::pdf;

/// Page attributes a page may inherit from its parent page-tree nodes (ISO 32000-1, 7.7.3.4).
const INHERITABLE: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Merges `inputs` in order into one PDF 1.7. Each input must open without a password; an
/// owner-restricted input is decrypted, so the result carries no restriction.
pub(crate) fn merge(inputs: &[Vec<u8>], limits: &Limits) -> Result<Vec<u8>, Problem> {
    let mut out = Document::with_version("1.7");
    let mut kids: Vec<ObjectId> = Vec::new();
    let mut next_id = 1;
    for bytes in inputs {
        let mut doc = pdf::load_for_fix(bytes, limits)?;
        doc.encryption_state = None;
        doc.renumber_objects_with(next_id);
        next_id = doc.max_id + 1;
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        if pages.is_empty() {
            return Err(Problem::PdfNoPages);
        }
        for &page in &pages {
            let inherited = inherited_attributes(&doc, page);
            if let Ok(dict) = doc.get_dictionary_mut(page) {
                for (key, value) in inherited {
                    dict.set(key, value);
                }
            }
        }
        kids.extend(pages);
        out.objects.extend(doc.objects);
    }
    out.max_id = next_id;
    let pages_id = out.new_object_id();
    for &kid in &kids {
        if let Ok(dict) = out.get_dictionary_mut(kid) {
            dict.set("Parent", Object::Reference(pages_id));
        }
    }
    let count = kids.len() as i64;
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids.into_iter().map(Object::Reference).collect::<Vec<_>>(),
            "Count" => count,
        }),
    );
    let catalog = out.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    out.trailer.set("Root", catalog);
    out.prune_objects();
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|err| Problem::PdfUnparsable {
            reason: err.to_string(),
        })?;
    Ok(bytes)
}

/// The inheritable attributes a page lacks itself but finds on an ancestor.
fn inherited_attributes(doc: &Document, page: ObjectId) -> Vec<(Vec<u8>, Object)> {
    let mut found = Vec::new();
    let Ok(dict) = doc.get_dictionary(page) else {
        return found;
    };
    let mut missing: Vec<&[u8]> = INHERITABLE
        .iter()
        .copied()
        .filter(|k| !dict.has(k))
        .collect();
    let mut parent = dict.get(b"Parent").and_then(Object::as_reference).ok();
    let mut depth = 0;
    while let (Some(id), false) = (parent, missing.is_empty()) {
        depth += 1;
        if depth > 64 {
            break;
        }
        let Ok(node) = doc.get_dictionary(id) else {
            break;
        };
        missing.retain(|key| match node.get(key) {
            Ok(value) => {
                found.push((key.to_vec(), value.clone()));
                false
            }
            Err(_) => true,
        });
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
    }
    found
}
