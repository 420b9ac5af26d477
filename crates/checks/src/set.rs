//! Checks of the whole attachment set: how many files, how many bytes, and duplicates.

use crate::finding::Problem;
use crate::limits::Limits;

/// One file of the set, as the set check sees it (no content needed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetEntry {
    pub name: String,
    pub size: u64,
    /// SHA-256 of the content, to find the same file attached twice (with the size: files of
    /// different sizes never match).
    pub sha256: [u8; 32],
}

pub(crate) fn check(entries: &[SetEntry], limits: &Limits) -> Vec<Problem> {
    let mut problems = Vec::new();
    if entries.len() > limits.set_max_files {
        problems.push(Problem::SetTooManyFiles {
            count: entries.len(),
            max: limits.set_max_files,
        });
    }
    let total: u64 = entries.iter().map(|e| e.size).sum();
    if total > limits.set_max_total_bytes {
        problems.push(Problem::SetTooLarge {
            total,
            max: limits.set_max_total_bytes,
        });
    }
    for (i, later) in entries.iter().enumerate() {
        if let Some(first) = entries[..i]
            .iter()
            .find(|e| e.size == later.size && e.sha256 == later.sha256)
        {
            problems.push(Problem::SetDuplicate {
                first: first.name.clone(),
                second: later.name.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, size: u64, tag: u8) -> SetEntry {
        SetEntry {
            name: name.into(),
            size,
            sha256: [tag; 32],
        }
    }

    #[test]
    fn limits_are_exact_at_the_edge() {
        let limits = Limits::official();
        let ok: Vec<_> = (0..20)
            .map(|i| entry(&format!("f{i}"), 1_250_000, i as u8))
            .collect();
        assert!(
            check(&ok, limits).is_empty(),
            "20 files of exactly 25,000,000 bytes pass"
        );
        let mut over = ok.clone();
        over[0].size += 1;
        let codes: Vec<_> = check(&over, limits)
            .iter()
            .map(|p| p.finding().code)
            .collect();
        assert_eq!(codes, vec!["set_too_large"]);
        let mut many = ok;
        many.push(entry("f20", 1, 99));
        let codes: Vec<_> = check(&many, limits)
            .iter()
            .map(|p| p.finding().code)
            .collect();
        assert_eq!(codes, vec!["set_too_many_files", "set_too_large"]);
    }

    #[test]
    fn same_content_twice_is_a_warning_naming_both() {
        let set = [
            entry("a.pdf", 10, 1),
            entry("b.pdf", 10, 2),
            entry("c.pdf", 10, 1),
        ];
        let findings: Vec<_> = check(&set, Limits::official())
            .iter()
            .map(|p| p.finding())
            .collect();
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, "set_duplicate_file");
        assert!(findings[0].message.contains("c.pdf") && findings[0].message.contains("a.pdf"));
    }
}
