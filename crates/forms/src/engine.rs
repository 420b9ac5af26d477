//! The one engine over the schemas: evaluates conditions (which fields are shown and
//! required right now), turns typed input into normalised values, and validates a whole form.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

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
                    format!(
                        "{}: does not match the first entry. Type the same text in both.",
                        field.label_en
                    ),
                    format!(
                        "{}：1回目の入力と一致しません。同じ内容を入力してください。",
                        field.label_ja
                    ),
                ));
            }
        }
    }
    for rule in &schema.rules {
        if holds(&rule.when, data) && !holds(&rule.then, data) {
            findings.push(Finding::error(
                &rule.code,
                &rule.path,
                rule.message_en.clone(),
                rule.message_ja.clone(),
            ));
        }
    }
    Ok(findings)
}

fn unknown(path: &str) -> Finding {
    Finding::error(
        "unknown_field",
        path,
        format!("{path} is not part of this form; remove it."),
        format!("{path} はこの様式にない項目です。削除してください。"),
    )
}

fn check_field(
    field: &Field,
    path: &str,
    value: Option<&Value>,
    required: bool,
    out: &mut Vec<Finding>,
) {
    let (en, ja) = (&field.label_en, &field.label_ja);
    if !is_filled(value) {
        if required {
            let (m, mj) = if field.kind == FieldKind::Checkbox {
                (
                    format!("{en}: tick this box to continue."),
                    format!("{ja}：チェックを入れてください。"),
                )
            } else {
                (
                    format!("{en}: required; enter it."),
                    format!("{ja}：必須項目です。入力してください。"),
                )
            };
            out.push(Finding::error("required", path, m, mj));
        }
        return;
    }
    let value = value.expect("filled implies present");
    let fail = |code: &str, m: String, mj: String| Finding::error(code, path, m, mj);
    let text = match (field.kind, value) {
        (FieldKind::Checkbox, Value::Bool(_)) => return,
        (FieldKind::Integer, Value::Number(n)) if n.is_u64() => {
            if let (Some(max), Some(n)) = (field.max_value, n.as_u64()) {
                if n > max {
                    out.push(Finding::error(
                        "too_large",
                        path,
                        format!("{en}: at most {max}; correct the number."),
                        format!("{ja}：{max}以下で入力してください。"),
                    ));
                }
            }
            return;
        }
        (FieldKind::Rows, Value::Array(rows)) => return check_rows(field, path, rows, out),
        (FieldKind::Checkbox | FieldKind::Integer | FieldKind::Rows, _)
        | (_, Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_)) => {
            let expected = match field.kind {
                FieldKind::Checkbox => ("true or false", "true または false"),
                FieldKind::Integer => ("a whole number", "整数"),
                FieldKind::Rows => ("a list of rows", "行のリスト"),
                _ => ("text", "文字列"),
            };
            out.push(fail(
                "wrong_type",
                format!("{en}: must be {}.", expected.0),
                format!("{ja}：{}で入力してください。", expected.1),
            ));
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
                format!("{en}: up to {max} characters; this has {chars}. Shorten it."),
                format!("{ja}：{max}文字以内で入力してください（現在{chars}文字）。"),
            ));
        }
    }
    if let Some(min) = field.min_len {
        if chars < min {
            out.push(fail(
                "too_short",
                format!("{en}: at least {min} characters."),
                format!("{ja}：{min}文字以上で入力してください。"),
            ));
        }
    }
    match field.width {
        Width::Half if !text.chars().all(is_half_width) => out.push(fail(
            "not_half_width",
            format!("{en}: use 1-byte (half-width) letters, digits and symbols only."),
            format!("{ja}：半角英数字・記号で入力してください。"),
        )),
        Width::Full if !text.chars().all(is_full_width) => out.push(fail(
            "not_full_width",
            format!("{en}: use 2-byte (full-width) characters only."),
            format!("{ja}：全角で入力してください。"),
        )),
        _ => {}
    }
    let format_error = |what_en: &str, what_ja: &str| {
        fail(
            "bad_format",
            format!("{en}: {what_en}"),
            format!("{ja}：{what_ja}"),
        )
    };
    match field.kind {
        FieldKind::Date if FormDate::parse(text).is_none() => {
            out.push(format_error("enter a real date as YYYY-MM-DD, e.g. 2001-04-15.", "YYYY-MM-DD 形式の正しい日付を入力してください（例：2001-04-15）。"))
        }
        FieldKind::Month if FormDate::parse(&format!("{text}-01")).is_none() => {
            out.push(format_error("enter a month as YYYY-MM, e.g. 2027-03.", "YYYY-MM 形式で入力してください（例：2027-03）。"))
        }
        FieldKind::Choice if !field.choices.iter().any(|c| c.value == text) => {
            let values: Vec<&str> = field.choices.iter().map(|c| c.value.as_str()).collect();
            out.push(fail(
                "not_a_choice",
                format!("{en}: choose one of {}.", values.join(", ")),
                format!("{ja}：選択肢（{}）から選んでください。", values.join("、")),
            ));
        }
        FieldKind::Email if !contact::valid_email(text) => out.push(format_error(
            "enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.",
            "半角60文字以内のメールアドレスを入力してください（例：name@example.jp）。",
        )),
        FieldKind::PostalCode if !(text.len() == 7 && text.bytes().all(|b| b.is_ascii_digit())) => {
            out.push(format_error("enter the 7 digits without a hyphen, e.g. 8748577.", "ハイフンなしの7桁の数字で入力してください（例：8748577）。"))
        }
        FieldKind::Telephone if !contact::valid_telephone(text) => {
            out.push(format_error("digits only, up to 12, without hyphens.", "ハイフンなしの半角数字12桁以内で入力してください。"))
        }
        FieldKind::ResidenceCardNumber if !is_residence_card_number(text) => out.push(format_error(
            "2 capital letters, 8 digits, 2 capital letters, as printed at the top right of the residence card (e.g. AB12345678CD).",
            "在留カード右上の番号（英大文字2桁・数字8桁・英大文字2桁、例：AB12345678CD）を入力してください。",
        )),
        FieldKind::EnglishName if !is_english_name(text) => out.push(format_error(
            "capital letters as on the residence card (A–Z, spaces, hyphens, commas, periods).",
            "在留カードと同じ英大文字で入力してください（A–Z、スペース、ハイフン、カンマ、ピリオド）。",
        )),
        FieldKind::ReceptionNumber if !is_reception_number(text) => out.push(format_error(
            "up to 13 characters: 2-byte kanji, katakana or letters and 1-byte digits, e.g. 東オソ認T00011111.",
            "全角の漢字・カタカナ・英字と半角数字で13文字以内で入力してください（例：東オソ認T00011111）。",
        )),
        _ => {}
    }
}

fn check_rows(field: &Field, path: &str, rows: &[Value], out: &mut Vec<Finding>) {
    if let Some(max) = field.max_rows {
        if rows.len() > max {
            out.push(Finding::error(
                "too_many_rows",
                path,
                format!(
                    "{}: at most {max} rows; attach a separate sheet for the rest.",
                    field.label_en
                ),
                format!(
                    "{}：{max}行までです。残りは別紙で添付してください。",
                    field.label_ja
                ),
            ));
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let Value::Object(cells) = row else {
            out.push(Finding::error(
                "wrong_type",
                &format!("{path}[{i}]"),
                format!("{}: each row must be an object of columns.", field.label_en),
                format!(
                    "{}：各行は項目のオブジェクトで入力してください。",
                    field.label_ja
                ),
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
