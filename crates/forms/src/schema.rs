//! The declarative form schemas: sections of fields with types, lengths, widths, choices and
//! conditions, plus cross-field rules. Each form is one TOML file in `schemas/`, embedded at
//! build time; `zairyu draft schema ID --json` prints it for scripts and the UI.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::FormsError;

/// One form: what the applicant fills in for a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Schema {
    /// The procedure this form belongs to (catalog id).
    pub procedure: String,
    /// Another schema this one starts from: its sections are replaced by id, rules appended.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub base: Option<String>,
    /// Raised whenever a field is renamed or its meaning changes; drafts are migrated.
    pub version: u32,
    pub title_en: String,
    pub title_ja: String,
    pub sections: Vec<Section>,
    /// Rules across fields, checked after every field is valid on its own.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A titled group of fields, shown as one block (one manual item, e.g. "22 How expenses are paid").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub id: String,
    pub title_en: String,
    pub title_ja: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub shown_when: Option<Condition>,
    pub fields: Vec<Field>,
}

/// One input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Field {
    pub id: String,
    pub label_en: String,
    pub label_ja: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Required only when this holds ("the input condition changes with a result of the choices").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub required_when: Option<Condition>,
    /// Shown (and validated) only when this holds; a hidden field's value is ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub shown_when: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min_len: Option<usize>,
    /// Largest allowed value of an `integer` field (28 hours a week of part-time work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub max_value: Option<u64>,
    /// Maximum length in characters (not bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_len: Option<usize>,
    #[serde(default)]
    pub width: Width,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// The choices come from a list shipped as data, filled in when the schema loads:
    /// `nationalities` (`data/nationalities.tsv`, English and Japanese names) or
    /// `immigration_offices` (`data/immigration-offices.toml`, grouped by regional bureau).
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub choices_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint_ja: Option<String>,
    /// For a confirmation input: the path of the field it must repeat (e-mail entered twice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confirms: Option<String>,
    /// For an attachment slot: the item of the student document list (checks crate id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub document: Option<String>,
    /// Where the value can be prefilled from: `card.name`, `card.address`, `card.birth_date`, `card.sex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub prefill: Option<String>,
    /// The value goes stale between applications (a new residence card has a new number):
    /// a reused application marks it to be checked again.
    #[serde(default)]
    pub recheck_on_reuse: bool,
    /// For `rows`: the columns of each row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Field>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_rows: Option<usize>,
}

/// What kind of value a field holds and which format rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM`.
    Month,
    /// One of `choices`.
    Choice,
    /// true / false.
    Checkbox,
    /// A whole number, not negative.
    Integer,
    /// 1-byte characters, one `@`, at most 60.
    Email,
    /// 7 digits without hyphen.
    PostalCode,
    /// Digits only, at most 12.
    Telephone,
    /// 2 upper-case letters, 8 digits, 2 upper-case letters.
    ResidenceCardNumber,
    /// Latin capital letters, spaces, hyphens, commas, periods and apostrophes.
    EnglishName,
    /// Temporary reception number: up to 13 full-width kanji/katakana/letters and half-width digits.
    ReceptionNumber,
    /// The facial photo's file name in the draft.
    Photo,
    /// An attached PDF's file name in the draft.
    Attachment,
    /// A list of rows, each an object of `columns`.
    Rows,
}

/// Character-width rule of a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    #[default]
    Any,
    /// 1-byte characters only.
    Half,
    /// 2-byte characters only.
    Full,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice {
    pub value: String,
    pub label_en: String,
    pub label_ja: String,
    /// The heading the choice is listed under in a long list (an office's regional bureau).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub group_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub group_ja: Option<String>,
}

/// A condition on the form's values. Paths are `section.field`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The field's value equals this value.
    Equals {
        field: String,
        #[ts(type = "unknown")]
        value: Value,
    },
    /// The field's value is one of these.
    OneOf {
        field: String,
        #[ts(type = "unknown[]")]
        values: Vec<Value>,
    },
    /// The field has a value (not empty, not false).
    Filled {
        field: String,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// A rule across fields: when `when` holds, `then` must hold, else a finding with `code` on `path`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rule {
    pub code: String,
    pub path: String,
    pub when: Condition,
    pub then: Condition,
    pub message_en: String,
    pub message_ja: String,
}

impl Schema {
    /// Every field, in order, with its `section.field` path (rows columns not included).
    pub fn fields(&self) -> impl Iterator<Item = (String, &Section, &Field)> {
        self.sections.iter().flat_map(|s| {
            s.fields
                .iter()
                .map(move |f| (format!("{}.{}", s.id, f.id), s, f))
        })
    }

    /// The field at `section.field`.
    pub fn field(&self, path: &str) -> Option<(&Section, &Field)> {
        let (section, field) = path.split_once('.')?;
        let s = self.sections.iter().find(|s| s.id == section)?;
        Some((s, s.fields.iter().find(|f| f.id == field)?))
    }
}

const SOURCES: &[(&str, &str)] = &[
    (
        "usage-application",
        include_str!("../schemas/usage-application.toml"),
    ),
    (
        "extension-of-stay",
        include_str!("../schemas/extension-of-stay.toml"),
    ),
    (
        "change-of-status",
        include_str!("../schemas/change-of-status.toml"),
    ),
    (
        "change-of-receipt-method",
        include_str!("../schemas/change-of-receipt-method.toml"),
    ),
    (
        "authorized-employment-certificate",
        include_str!("../schemas/authorized-employment-certificate.toml"),
    ),
    (
        "institution-notification",
        include_str!("../schemas/institution-notification.toml"),
    ),
];

fn all() -> &'static [Schema] {
    static SCHEMAS: OnceLock<Vec<Schema>> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let mut done: Vec<Schema> = Vec::new();
        for (id, text) in SOURCES {
            let mut schema: Schema = toml::from_str(text)
                .unwrap_or_else(|e| panic!("schemas/{id}.toml is not a valid schema: {e}"));
            assert_eq!(
                &schema.procedure, id,
                "schemas/{id}.toml names another procedure"
            );
            if let Some(base) = schema.base.take() {
                let base = done
                    .iter()
                    .find(|s| s.procedure == base)
                    .unwrap_or_else(|| panic!("schemas/{id}.toml: base {base} must come earlier"));
                schema = extend(base, schema);
            }
            for section in &mut schema.sections {
                for field in &mut section.fields {
                    fill_choices(field);
                    field.columns.iter_mut().for_each(fill_choices);
                }
            }
            done.push(schema);
        }
        done
    })
}

/// The nationalities and regions (ISO 3166-1 alpha-3, English, Japanese; source in the file).
pub fn nationalities() -> &'static [Choice] {
    static LIST: OnceLock<Vec<Choice>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../data/nationalities.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                let mut next = || cols.next().unwrap_or_default().to_owned();
                Choice {
                    value: next(),
                    label_en: next(),
                    label_ja: next(),
                    group_en: None,
                    group_ja: None,
                }
            })
            .collect()
    })
}

fn fill_choices(field: &mut Field) {
    match field.choices_from.as_deref() {
        None => {}
        Some("nationalities") => field.choices = nationalities().to_vec(),
        Some("immigration_offices") => field.choices = crate::immigration_offices::choices(),
        Some(other) => panic!("field {}: unknown choices_from {other}", field.id),
    }
}

/// A schema built on `base`: sections with the same id replaced in place, new ones appended.
fn extend(base: &Schema, own: Schema) -> Schema {
    let mut sections = base.sections.clone();
    for section in own.sections {
        match sections.iter_mut().find(|s| s.id == section.id) {
            Some(slot) => *slot = section,
            None => sections.push(section),
        }
    }
    let mut rules = base.rules.clone();
    rules.extend(own.rules);
    Schema {
        sections,
        rules,
        ..own
    }
}

/// The current form of a procedure.
pub fn schema_for(procedure_id: &str) -> Result<&'static Schema, FormsError> {
    if let Some(schema) = all().iter().find(|s| s.procedure == procedure_id) {
        return Ok(schema);
    }
    match crate::catalog::procedure(procedure_id) {
        Some(_) => Err(FormsError::NoForm(procedure_id.to_owned())),
        None => Err(FormsError::UnknownProcedure(procedure_id.to_owned())),
    }
}

/// Every schema shipped.
pub fn schemas() -> &'static [Schema] {
    all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationality_is_chosen_from_the_list_in_english_and_japanese() {
        let list = nationalities();
        assert!(list.len() > 240);
        let vietnam = list.iter().find(|c| c.value == "VNM").unwrap();
        assert_eq!(
            (vietnam.label_en.as_str(), vietnam.label_ja.as_str()),
            ("Vietnam", "ベトナム")
        );
        assert!(!list.iter().any(|c| c.value == "JPN"));
        for procedure in ["extension-of-stay", "change-of-status"] {
            let (_, field) = schema_for(procedure)
                .unwrap()
                .field("applicant.nationality")
                .unwrap();
            assert_eq!(field.kind, FieldKind::Choice);
            assert_eq!(field.choices.len(), list.len());
        }
        let findings = crate::validate(
            "extension-of-stay",
            &serde_json::json!({ "applicant": { "nationality": "Viet Nam" } }),
        )
        .unwrap();
        assert!(findings.iter().any(|f| f.path == "applicant.nationality"));
    }

    #[test]
    fn change_of_status_asks_the_current_status_and_has_the_free_area() {
        let schema = schema_for("change-of-status").unwrap();
        let (_, current) = schema.field("request.current_status").unwrap();
        assert!(current.required && current.kind == FieldKind::Choice);
        assert!(current.choices.iter().any(|c| c.label_ja == "家族滞在"));
        let (_, free) = schema.field("request.free_area").unwrap();
        assert!(!free.required && free.label_en == "Free area");
        let findings = crate::validate("change-of-status", &serde_json::json!({})).unwrap();
        assert!(findings
            .iter()
            .any(|f| f.path == "request.current_status" && f.code == "required"));
        assert!(!findings.iter().any(|f| f.path == "request.free_area"));
    }

    #[test]
    fn every_document_item_has_its_hint_and_item_7_the_manuals_explanation() {
        for schema in schemas() {
            for (path, _, field) in schema.fields() {
                if field.kind == FieldKind::Attachment {
                    let en = field.hint_en.as_deref().unwrap_or_default();
                    let ja = field.hint_ja.as_deref().unwrap_or_default();
                    assert!(
                        !en.is_empty() && !ja.is_empty(),
                        "{} {path}",
                        schema.procedure
                    );
                }
            }
        }
        let (_, proof) = schema_for("change-of-status")
            .unwrap()
            .field("attachments.proof_of_funds")
            .unwrap();
        let en = proof.hint_en.as_deref().unwrap();
        for words in [
            "bankbook showing deposits for the past year",
            "salary statements",
            "remittance certificate",
            "receipt of remittances",
        ] {
            assert!(en.contains(words), "{words}");
        }
        assert!(proof.hint_ja.as_deref().unwrap().contains("送金証明書"));
    }

    fn condition_paths(c: &Condition, out: &mut Vec<String>) {
        match c {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Filled { field } => out.push(field.clone()),
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| condition_paths(c, out))
            }
            Condition::Not(c) => condition_paths(c, out),
        }
    }

    #[test]
    fn every_schema_parses_and_refers_only_to_its_own_fields() {
        assert_eq!(schemas().len(), SOURCES.len());
        for schema in schemas() {
            let mut refs = Vec::new();
            for section in &schema.sections {
                if let Some(c) = &section.shown_when {
                    condition_paths(c, &mut refs);
                }
                for f in &section.fields {
                    for c in [&f.shown_when, &f.required_when].into_iter().flatten() {
                        condition_paths(c, &mut refs);
                    }
                    if let Some(p) = &f.confirms {
                        refs.push(p.clone());
                    }
                    if f.kind == FieldKind::Choice {
                        assert!(
                            !f.choices.is_empty(),
                            "{}: choice field {} has no choices",
                            schema.procedure,
                            f.id
                        );
                    }
                    assert_eq!(
                        f.kind == FieldKind::Rows,
                        !f.columns.is_empty(),
                        "{}: {}",
                        schema.procedure,
                        f.id
                    );
                }
            }
            for rule in &schema.rules {
                condition_paths(&rule.when, &mut refs);
                condition_paths(&rule.then, &mut refs);
                refs.push(rule.path.clone());
            }
            for path in refs {
                assert!(
                    schema.field(&path).is_some(),
                    "{}: condition refers to unknown field {path}",
                    schema.procedure
                );
            }
            let mut paths: Vec<String> = schema.fields().map(|(p, _, _)| p).collect();
            let n = paths.len();
            paths.sort();
            paths.dedup();
            assert_eq!(
                paths.len(),
                n,
                "{}: duplicate field paths",
                schema.procedure
            );
        }
    }

    #[test]
    fn unknown_procedures_are_refused_and_every_procedure_has_a_form() {
        assert_eq!(schema_for("nope").unwrap_err().code(), "unknown_procedure");
        // Issue 15 item 12: the standalone procedures are real forms too.
        for p in crate::catalog::procedures() {
            assert!(schema_for(&p.id).is_ok(), "{}", p.id);
            assert!(p.has_form, "{}", p.id);
        }
        let notification = schema_for("institution-notification").unwrap();
        let moved = serde_json::json!({ "change": { "kind": "transferred" } });
        let findings = crate::validate_form(notification, &moved).unwrap();
        assert!(findings
            .iter()
            .any(|f| f.path == "change.new_school_name" && f.code == "required"));
        let left = serde_json::json!({ "change": { "kind": "left" } });
        let findings = crate::validate_form(notification, &left).unwrap();
        assert!(!findings
            .iter()
            .any(|f| f.path.starts_with("change.new_school")));
        let employment = schema_for("authorized-employment-certificate").unwrap();
        assert!(employment.field("activity.employer_name").is_some());
        assert!(employment.field("contact.email").is_some());
    }
}
