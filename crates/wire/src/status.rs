//! The status of an application (manual 5.1) and the moves an examiner may make between them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an application stands. On the wire each status is its snake_case name
/// (`"pending"`, `"in_return_process"`, …), the strings the server has always used.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// 申請中: received, not yet accepted.
    Pending,
    /// 申請完了: accepted for examination.
    ApplicationCompleted,
    /// 審査中.
    UnderReview,
    /// 交付待ち: permitted, the card is being prepared.
    AwaitingIssuance,
    /// 差戻し中: the examiner asked for changes; the applicant resubmits.
    InReturnProcess,
    /// 完了.
    Completed,
    /// 完了（不許可）.
    CompletedNotPermitted,
}

impl ApplicationStatus {
    /// Every status, in the order an application moves through them.
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Pending,
        ApplicationStatus::ApplicationCompleted,
        ApplicationStatus::UnderReview,
        ApplicationStatus::AwaitingIssuance,
        ApplicationStatus::InReturnProcess,
        ApplicationStatus::Completed,
        ApplicationStatus::CompletedNotPermitted,
    ];

    /// The wire names of [`ApplicationStatus::ALL`], in the same order.
    pub const NAMES: [&'static str; 7] = {
        let mut names = [""; 7];
        let mut i = 0;
        while i < names.len() {
            names[i] = ApplicationStatus::ALL[i].as_str();
            i += 1;
        }
        names
    };

    /// The wire name (`"under_review"`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Pending => "pending",
            ApplicationStatus::ApplicationCompleted => "application_completed",
            ApplicationStatus::UnderReview => "under_review",
            ApplicationStatus::AwaitingIssuance => "awaiting_issuance",
            ApplicationStatus::InReturnProcess => "in_return_process",
            ApplicationStatus::Completed => "completed",
            ApplicationStatus::CompletedNotPermitted => "completed_not_permitted",
        }
    }

    /// The status with this wire name, if there is one.
    pub fn parse(name: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    /// Whether an application in this status may move to `to`: pending → application
    /// completed → under review → awaiting issuance → completed, and from under review also
    /// to in return process or completed (not permitted). A resubmission (in return process →
    /// application completed) is the applicant's move, not an examiner's, and is not listed.
    pub fn can_become(self, to: ApplicationStatus) -> bool {
        use ApplicationStatus::*;
        matches!(
            (self, to),
            (Pending, ApplicationCompleted)
                | (ApplicationCompleted, UnderReview)
                | (
                    UnderReview,
                    AwaitingIssuance | InReturnProcess | CompletedNotPermitted
                )
                | (AwaitingIssuance, Completed)
        )
    }

    /// Completed, permitted or not: nothing about it changes any more.
    pub fn is_completed(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Completed | ApplicationStatus::CompletedNotPermitted
        )
    }

    /// The manual's name of the status in English and Japanese (5.1).
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            ApplicationStatus::Pending => ("Pending", "申請中"),
            ApplicationStatus::ApplicationCompleted => ("Application completed", "申請完了"),
            ApplicationStatus::UnderReview => ("Under review", "審査中"),
            ApplicationStatus::AwaitingIssuance => ("Awaiting issuance", "交付待ち"),
            ApplicationStatus::InReturnProcess => ("In Return Process", "差戻し中"),
            ApplicationStatus::Completed => ("Completed", "完了"),
            ApplicationStatus::CompletedNotPermitted => {
                ("Completed (not permitted)", "完了（不許可）")
            }
        }
    }
}

impl std::fmt::Display for ApplicationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ApplicationStatus {
    type Err = UnknownStatus;
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ApplicationStatus::parse(name).ok_or_else(|| UnknownStatus(name.to_owned()))
    }
}

/// A status name that is none of [`ApplicationStatus::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStatus(pub String);

impl std::fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not an application status", self.0)
    }
}

impl std::error::Error for UnknownStatus {}

#[cfg(test)]
mod tests {
    use super::ApplicationStatus::{self, *};

    #[test]
    fn every_status_is_its_wire_name_both_ways() {
        let names = [
            "pending",
            "application_completed",
            "under_review",
            "awaiting_issuance",
            "in_return_process",
            "completed",
            "completed_not_permitted",
        ];
        assert_eq!(ApplicationStatus::NAMES, names);
        for (status, name) in ApplicationStatus::ALL.into_iter().zip(names) {
            assert_eq!(status.as_str(), name);
            assert_eq!(status.to_string(), name);
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{name}\"")
            );
            assert_eq!(
                serde_json::from_str::<ApplicationStatus>(&format!("\"{name}\"")).unwrap(),
                status
            );
            assert_eq!(name.parse::<ApplicationStatus>(), Ok(status));
        }
        assert!("Pending".parse::<ApplicationStatus>().is_err());
        assert!(serde_json::from_str::<ApplicationStatus>("\"approved\"").is_err());
    }

    #[test]
    fn exactly_the_moves_of_manual_5_1_are_allowed() {
        let allowed = [
            (Pending, ApplicationCompleted),
            (ApplicationCompleted, UnderReview),
            (UnderReview, AwaitingIssuance),
            (UnderReview, InReturnProcess),
            (UnderReview, CompletedNotPermitted),
            (AwaitingIssuance, Completed),
        ];
        for from in ApplicationStatus::ALL {
            for to in ApplicationStatus::ALL {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
    }

    #[test]
    fn a_completed_application_goes_nowhere() {
        for done in [Completed, CompletedNotPermitted] {
            assert!(done.is_completed());
            assert!(ApplicationStatus::ALL
                .iter()
                .all(|to| !done.can_become(*to)));
        }
        assert!(!InReturnProcess.is_completed());
    }
}
