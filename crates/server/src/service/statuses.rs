//! The statuses of an application (manual 5.1) and the moves an examiner may make between
//! them.

/// The statuses of manual 5.1 and the moves between them.
pub const STATUSES: &[&str] = &[
    "pending",
    "application_completed",
    "under_review",
    "awaiting_issuance",
    "in_return_process",
    "completed",
    "completed_not_permitted",
];

/// Whether an examiner may move an application from `from` to `to`.
pub fn transition_allowed(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        ("pending", "application_completed")
            | ("application_completed", "under_review")
            | (
                "under_review",
                "awaiting_issuance" | "in_return_process" | "completed_not_permitted"
            )
            | ("awaiting_issuance", "completed")
    )
}
