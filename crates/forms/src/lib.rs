//! `zairyu-forms`: what an application says and the rules it must satisfy, as data and one
//! engine — used offline by the app and again by the server, so a draft that passes here
//! passes there.
//!
//! - [`catalog`]: the procedures (manual 4.1, 6.1) with reception windows, explanations,
//!   terms and keyword search with synonyms.
//! - [`schema`]: one declarative schema per form (`schemas/*.toml`): sections, fields,
//!   types, lengths, widths, choices, conditions and cross-field rules.
//! - [`engine`]: evaluates conditions (which fields are shown and required), normalises input
//!   and validates a whole form into [`Finding`]s.
//! - [`canonical`] and [`signing`]: the deterministic bytes that get signed (RFC 8785).
//! - [`postal`]: postal code → address, offline, from Japan Post data.
//! - [`immigration_offices`]: the offices a residence card can be received at, as data.
//! - [`contact`]: the one e-mail and telephone rule (the server uses it too).
//! - [`labels`]: the Fluent ids of the forms' labels (`locales/<lang>/forms.ftl`).

pub mod canonical;
pub mod catalog;
pub mod contact;
mod date;
pub mod engine;
mod finding;
pub mod immigration_offices;
pub mod labels;
pub mod postal;
pub mod schema;
pub mod signing;
mod text;

pub use catalog::{procedure, procedures, search, Procedure};
pub use date::FormDate;
pub use engine::{field_states, normalize_input, validate_form, FieldState};
pub use finding::{Finding, Severity};
pub use schema::{schema_for, Schema};

/// Why a form could not be handled at all (as opposed to findings about its contents).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormsError {
    #[error("There is no procedure \"{0}\". Run `zairyu procedures` to see the procedure ids.")]
    UnknownProcedure(String),
    #[error(
        "The procedure \"{0}\" has no form in Zairyu yet; apply for it on the agency's own site."
    )]
    NoForm(String),
    #[error("There is no field \"{field}\" in the form of \"{procedure}\". Run `zairyu draft schema {procedure} --json` to see the field paths.")]
    UnknownField { procedure: String, field: String },
    #[error("The form data must be a JSON object of sections, each an object of fields.")]
    NotAnObject,
}

impl FormsError {
    /// Stable code for the UI and scripts (docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            FormsError::UnknownProcedure(_) => "unknown_procedure",
            FormsError::NoForm(_) => "no_form",
            FormsError::UnknownField { .. } => "unknown_field",
            FormsError::NotAnObject => "form_not_an_object",
        }
    }
}

/// Validates the form data of a procedure: every finding, errors and warnings, in schema order.
pub fn validate(procedure_id: &str, data: &serde_json::Value) -> Result<Vec<Finding>, FormsError> {
    let schema = schema_for(procedure_id)?;
    validate_form(schema, data)
}
