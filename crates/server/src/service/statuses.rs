//! The statuses of an application (manual 5.1) by name; the moves an examiner may make between
//! them belong to `zairyu_wire::ApplicationStatus`.

/// The statuses of manual 5.1, as stored and sent.
pub const STATUSES: &[&str] = &zairyu_wire::ApplicationStatus::NAMES;

/// Whether an examiner may move an application from `from` to `to` (status names).
pub fn transition_allowed(from: &str, to: &str) -> bool {
    use zairyu_wire::ApplicationStatus;
    match (ApplicationStatus::parse(from), ApplicationStatus::parse(to)) {
        (Some(from), Some(to)) => from.can_become(to),
        _ => false,
    }
}
