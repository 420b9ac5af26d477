//! The reception server's wire contract: every JSON request and answer of `/api`, the error
//! body and the server's stable error codes, and the application status with its allowed
//! transitions. The server answers with these types, the app's client reads them, and the
//! OpenAPI document is generated from them. Only serde, utoipa (schemas) and ts-rs (the types
//! the app hands to the UI): no HTTP stack, no database.

mod account;
mod application;
mod details;
mod error;
mod organisation;
mod procedure;
mod status;

pub use account::{
    Account, CompleteRegistrationRequest, ConfirmedEmail, Done, EmailChangeRequest, EmailRequest,
    EmailTwiceRequest, ForgotPasswordRequest, LoginRequest, PasswordChangeRequest,
    PasswordResetRequest, ProfileChangeRequest, Registered, Sent, SessionToken, TokenRequest,
    UsageApplied, UsageChallenge, UsageRequest,
};
pub use application::{
    Application, ApplicationRecord, ApplicationVersion, AuditLine, ExaminerApplication,
    ReceiptMethodRequest, ReceivedFile, ReturnForRevisionRequest, ServerHealth, SignedFile,
    StatusChangeRequest, SubmissionMetadata,
};
pub use details::{ApplicationDetails, DetailFile, StatusEntry};
pub use error::{ErrorBody, ErrorCode};
pub use organisation::{
    BoardPage, BoardQuery, BoardRow, FiledBy, FiledFor, InvitationCodeRequest,
    LinkOrganisationRequest, LinkedStudent, LinkedStudents, NextActor, Organisation,
    OrganisationDetails, OrganisationKind, OrganisationLink, OrganisationLinks, OrganisationNotice,
    OrganisationSummary, StaffInvitation, StaffMember, StaffOrganisation, StaffRegistrationRequest,
    Urgency,
};
pub use procedure::{CatalogProcedure, ProcedureDetail, TermsOfUse};
pub use status::{ApplicationStatus, UnknownStatus};
