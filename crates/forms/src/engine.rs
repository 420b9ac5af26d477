//! The one engine over the schemas: evaluates conditions (which fields are shown and
//! required right now), turns typed input into normalised values, and validates a whole form.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;
use zairyu_messages::{args, Args};

use crate::contact;
use crate::date::FormDate;
use crate::finding::Finding;
use crate::schema::{Condition, Field, FieldKind, Schema, Section, Width};
use crate::text::{is_full_width, is_half_width, strip_separators, to_half_width};
use crate::FormsError;

/// What the UI needs to know about a field right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldState {
    pub path: String,
    pub shown: bool,
    pub required: bool,
}

/// The value at `section.field`, if any.
pub fn value_at<'a>(data: &'a Value, path: &str) -> Option<&'a Value> {
    let (section, field) = path.split_once('.')?;
    data.get(section)?.get(field)
}

/// Sets (or with `Value::Null`, removes) the value at `section.field`.
pub fn set_value(data: &mut Value, path: &str, value: Value) {
    let Some((section, field)) = path.split_once('.') else {
        return;
    };
    if !data.is_object() {
        *data = Value::Object(Map::new());
    }
    let sections = data.as_object_mut().expect("made an object above");
    let entry = sections
        .entry(section.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    let fields = entry.as_object_mut().expect("made an object above");
    if value.is_null() {
        fields.remove(field);
        if fields.is_empty() {
            sections.remove(section);
        }
    } else {
        fields.insert(field.to_owned(), value);
    }
}

/// Whether a value counts as entered: not null, not blank, not false, not an empty list.
pub fn is_filled(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// Evaluates a condition against the form data.
pub fn holds(condition: &Condition, data: &Value) -> bool {
    match condition {
        Condition::Equals { field, value } => value_at(data, field) == Some(value),
        Condition::OneOf { field, values } => {
            value_at(data, field).is_some_and(|v| values.contains(v))
        }
        Condition::Filled { field } => is_filled(value_at(data, field)),
        Condition::All(cs) => cs.iter().all(|c| holds(c, data)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, data)),
        Condition::Not(c) => !holds(c, data),
    }
}

fn shown(section: &Section, field: &Field, data: &Value) -> bool {
    section.shown_when.as_ref().is_none_or(|c| holds(c, data))
        && field.shown_when.as_ref().is_none_or(|c| holds(c, data))
}

fn required(field: &Field, data: &Value) -> bool {
    field.required || field.required_when.as_ref().is_some_and(|c| holds(c, data))
}

/// Which fields are shown and required for the data as it stands.
pub fn field_states(schema: &Schema, data: &Value) -> Vec<FieldState> {
    schema
        .fields()
        .map(|(path, section, field)| {
            let shown = shown(section, field, data);
            FieldState {
                path,
                shown,
                required: shown && required(field, data),
            }
        })
        .collect()
}

/// Turns what a person typed into the value stored for the field at `path`, normalising what
/// the manual says to normalise (full-width letters and digits, lower case in a residence card
/// number, a hyphen in a postal code). An empty input clears the field (`Value::Null`).
pub fn normalize_input(schema: &Schema, path: &str, raw: &str) -> Result<Value, FormsError> {
    let (_, field) = schema.field(path).ok_or_else(|| FormsError::UnknownField {
        procedure: schema.procedure.clone(),
        field: path.to_owned(),
    })?;
    Ok(match normalize_for(field, raw) {
        // A value that was nothing but separators ("(", "〒", "-") is no value at all, the same
        // as an empty box; otherwise normalising its result again would change it.
        Value::String(text) if text.trim().is_empty() => Value::Null,
        value => value,
    })
}

fn normalize_for(field: &Field, raw: &str) -> Value {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Value::Null;
    }
    let half = to_half_width(trimmed);
    match field.kind {
        FieldKind::Checkbox => match half.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "on" => Value::Bool(true),
            "false" | "no" | "n" | "0" | "off" => Value::Bool(false),
            _ => Value::String(trimmed.to_owned()),
        },
        FieldKind::Integer => half
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(trimmed.to_owned())),
        FieldKind::ResidenceCardNumber => Value::String(
            half.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase(),
        ),
        FieldKind::PostalCode => Value::String(strip_separators(&half.replace('〒', ""))),
        FieldKind::Telephone => Value::String(strip_separators(&half)),
        FieldKind::Email => Value::String(half),
        FieldKind::EnglishName => Value::String(
            half.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_uppercase(),
        ),
        FieldKind::Date | FieldKind::Month => Value::String(half.replace('/', "-")),
        FieldKind::ReceptionNumber => Value::String(
            trimmed
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        ),
        FieldKind::Rows => serde_json::from_str(trimmed).unwrap_or(Value::String(raw.to_owned())),
        FieldKind::Choice | FieldKind::Photo | FieldKind::Attachment => {
            Value::String(trimmed.to_owned())
        }
        FieldKind::Text => Value::String(trimmed.to_owned()),
    }
}

/// Validates a whole form: unknown fields, then every shown field in schema order, then the
/// confirmation inputs, then the cross-field rules.
pub fn validate_form(schema: &Schema, data: &Value) -> Result<Vec<Finding>, FormsError> {
    let sections = match data {
        Value::Object(map) => map,
        Value::Null => &Map::new(),
        _ => return Err(FormsError::NotAnObject),
    };
    let mut findings = Vec::new();
    for (section_id, fields) in sections {
        let Some(section) = schema.sections.iter().find(|s| &s.id == section_id) else {
            findings.push(unknown(section_id));
            continue;
        };
        let Value::Object(fields) = fields else {
            return Err(FormsError::NotAnObject);
        };
        for name in fields.keys() {
            if !section.fields.iter().any(|f| &f.id == name) {
                findings.push(unknown(&format!("{section_id}.{name}")));
            }
        }
    }
    for (path, section, field) in schema.fields() {
        if !shown(section, field, data) {
            continue;
        }
        let value = value_at(data, &path);
        check_field(field, &path, value, required(field, data), &mut findings);
        if let (Some(other), true) = (&field.confirms, is_filled(value)) {
            if value != value_at(data, other) {
                findings.push(Finding::error(
                    "mismatch",
                    &path,
                    "form-mismatch",
                    label_args(field),
                ));
            }
        }
    }
    for rule in &schema.rules {
        if holds(&rule.when, data) && !holds(&rule.then, data) {
            let id = format!("form-{}", rule.code);
            let mut finding = Finding::error(&rule.code, &rule.path, &id, Args::new());
            if !zairyu_messages::has_message(zairyu_messages::Language::En, &id) {
                // A rule the catalogue does not know yet: its schema's own texts.
                finding.message.clone_from(&rule.message_en);
                finding.message_ja.clone_from(&rule.message_ja);
                finding.message_id.clear();
            }
            findings.push(finding);
        }
    }
    Ok(findings)
}

fn unknown(path: &str) -> Finding {
    Finding::error(
        "unknown_field",
        path,
        "form-unknown_field",
        args!["path" => path],
    )
}

/// The arguments naming a field: its label in English and Japanese.
fn label_args(field: &Field) -> Args {
    args!["label_en" => field.label_en.as_str(), "label_ja" => field.label_ja.as_str()]
}

fn with(mut args: Args, name: &str, value: impl Into<zairyu_messages::Arg>) -> Args {
    args.insert(name.to_owned(), value.into());
    args
}

fn check_field(
    field: &Field,
    path: &str,
    value: Option<&Value>,
    required: bool,
    out: &mut Vec<Finding>,
) {
    let label = label_args(field);
    if !is_filled(value) {
        if required {
            let id = if field.kind == FieldKind::Checkbox {
                "form-required_box"
            } else {
                "form-required"
            };
            out.push(Finding::error("required", path, id, label));
        }
        return;
    }
    let value = value.expect("filled implies present");
    let fail = |code: &str, args: Args| Finding::error(code, path, &format!("form-{code}"), args);
    let text = match (field.kind, value) {
        (FieldKind::Checkbox, Value::Bool(_)) => return,
        (FieldKind::Integer, Value::Number(n)) if n.is_u64() => {
            if let (Some(max), Some(n)) = (field.max_value, n.as_u64()) {
                if n > max {
                    out.push(fail("too_large", with(label, "max", max)));
                }
            }
            return;
        }
        (FieldKind::Rows, Value::Array(rows)) => return check_rows(field, path, rows, out),
        (FieldKind::Checkbox | FieldKind::Integer | FieldKind::Rows, _)
        | (_, Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_)) => {
            let expected = match field.kind {
                FieldKind::Checkbox => "boolean",
                FieldKind::Integer => "integer",
                FieldKind::Rows => "rows",
                _ => "text",
            };
            out.push(fail("wrong_type", with(label, "expected", expected)));
            return;
        }
        (_, Value::String(s)) => s.as_str(),
        (_, Value::Null) => return,
    };
    let chars = text.chars().count();
    if let Some(max) = field.max_len {
        if chars > max {
            out.push(fail(
                "too_long",
                with(with(label.clone(), "max", max), "chars", chars),
            ));
        }
    }
    if let Some(min) = field.min_len {
        if chars < min {
            out.push(fail("too_short", with(label.clone(), "min", min)));
        }
    }
    match field.width {
        Width::Half if !text.chars().all(is_half_width) => {
            out.push(fail("not_half_width", label.clone()))
        }
        Width::Full if !text.chars().all(is_full_width) => {
            out.push(fail("not_full_width", label.clone()))
        }
        _ => {}
    }
    let format_error = |format: &str| fail("bad_format", with(label.clone(), "format", format));
    match field.kind {
        FieldKind::Date if FormDate::parse(text).is_none() => out.push(format_error("date")),
        FieldKind::Month if FormDate::parse(&format!("{text}-01")).is_none() => {
            out.push(format_error("month"))
        }
        FieldKind::Choice if !field.choices.iter().any(|c| c.value == text) => {
            let values: Vec<&str> = field.choices.iter().map(|c| c.value.as_str()).collect();
            let mut args = label.clone();
            args.insert(
                "choices".into(),
                zairyu_messages::Arg::List(values.iter().map(|v| (*v).to_owned()).collect()),
            );
            out.push(fail("not_a_choice", args));
        }
        FieldKind::Email if !contact::valid_email(text) => out.push(format_error("email")),
        FieldKind::PostalCode if !(text.len() == 7 && text.bytes().all(|b| b.is_ascii_digit())) => {
            out.push(format_error("postal_code"))
        }
        FieldKind::Telephone if !contact::valid_telephone(text) => {
            out.push(format_error("telephone"))
        }
        FieldKind::ResidenceCardNumber if !is_residence_card_number(text) => {
            out.push(format_error("residence_card_number"))
        }
        FieldKind::EnglishName if !is_english_name(text) => out.push(format_error("english_name")),
        FieldKind::ReceptionNumber if !is_reception_number(text) => {
            out.push(format_error("reception_number"))
        }
        _ => {}
    }
}

fn check_rows(field: &Field, path: &str, rows: &[Value], out: &mut Vec<Finding>) {
    if let Some(max) = field.max_rows {
        if rows.len() > max {
            out.push(Finding::error(
                "too_many_rows",
                path,
                "form-too_many_rows",
                with(label_args(field), "max", max),
            ));
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let Value::Object(cells) = row else {
            out.push(Finding::error(
                "wrong_type",
                &format!("{path}[{i}]"),
                "form-wrong_type_row",
                label_args(field),
            ));
            continue;
        };
        for name in cells.keys() {
            if !field.columns.iter().any(|c| &c.id == name) {
                out.push(unknown(&format!("{path}[{i}].{name}")));
            }
        }
        for column in &field.columns {
            check_field(
                column,
                &format!("{path}[{i}].{}", column.id),
                cells.get(&column.id),
                column.required,
                out,
            );
        }
    }
}

/// 2 upper-case letters, 8 digits, 2 upper-case letters.
pub fn is_residence_card_number(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 12
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..10].iter().all(u8::is_ascii_digit)
        && b[10..].iter().all(u8::is_ascii_uppercase)
}

fn is_english_name(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_uppercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b'-' | b',' | b'.' | b'\''))
}

fn is_reception_number(text: &str) -> bool {
    text.chars().count() <= 13
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_ascii_uppercase()
                || (is_full_width(c) && !('０'..='９').contains(&c))
        })
}

#[cfg(test)]
mod tests;
