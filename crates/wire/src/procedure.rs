//! The procedure catalog as the API answers it (`/api/procedures`).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One procedure of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CatalogProcedure {
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    /// Japan time, `YYYY-MM-DDTHH:MM`.
    pub reception_start: String,
    /// Japan time; absent means "at any time".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reception_end: Option<String>,
    pub explanation_en: String,
    pub explanation_ja: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Whether Zairyu has a form for it.
    #[serde(default)]
    pub has_form: bool,
}

/// `GET /api/procedures/{id}`: the procedure and the terms of use agreed before applying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProcedureDetail {
    pub procedure: CatalogProcedure,
    pub terms: TermsOfUse,
}

/// The terms of use: the Japanese original and the English summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TermsOfUse {
    pub ja: String,
    pub en: String,
}
