//! Tests of the engine: the data-driven field cases, conditions, rules and whole forms.

use serde::Deserialize;
use serde_json::{json, Value};

use super::*;
use crate::schema::schema_for;

fn complete() -> Value {
    serde_json::from_str(include_str!("../../tests/fixtures/extension-complete.json")).unwrap()
}

fn codes(schema: &str, data: &Value) -> Vec<(String, String)> {
    validate_form(schema_for(schema).unwrap(), data)
        .unwrap()
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect()
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(default = "extension")]
    procedure: String,
    path: String,
    input: String,
    stored: Option<toml::Value>,
    code: Option<String>,
}

fn extension() -> String {
    "extension-of-stay".into()
}

#[test]
fn field_cases_from_the_fixture() {
    let cases: Cases =
        toml::from_str(include_str!("../../tests/fixtures/field-cases.toml")).unwrap();
    assert!(cases.case.len() >= 20);
    for case in cases.case {
        let schema = schema_for(&case.procedure).unwrap();
        let stored = normalize_input(schema, &case.path, &case.input).unwrap();
        if let Some(expected) = &case.stored {
            let expected: Value = serde_json::to_value(expected).unwrap();
            assert_eq!(stored, expected, "{}: {:?}", case.path, case.input);
        }
        let mut data = if case.procedure == "extension-of-stay" {
            complete()
        } else {
            json!({"change": {"method": "mail"}})
        };
        set_value(&mut data, &case.path, stored);
        let on_field: Vec<String> = validate_form(schema, &data)
            .unwrap()
            .into_iter()
            .filter(|f| f.path == case.path)
            .map(|f| f.code)
            .collect();
        match &case.code {
            Some(code) => assert!(
                on_field.contains(code),
                "{} {:?}: expected {code}, got {on_field:?}",
                case.path,
                case.input
            ),
            None => assert!(
                on_field.is_empty(),
                "{} {:?}: expected no finding, got {on_field:?}",
                case.path,
                case.input
            ),
        }
    }
}

#[test]
fn the_complete_fixture_is_valid_and_emptying_it_names_every_required_field() {
    assert_eq!(codes("extension-of-stay", &complete()), vec![]);
    let empty = codes("extension-of-stay", &json!({}));
    assert!(
        empty.iter().all(|(code, _)| code == "required"),
        "{empty:?}"
    );
    let paths: Vec<&str> = empty.iter().map(|(_, p)| p.as_str()).collect();
    for p in [
        "applicant.name_en",
        "applicant.residence_card_number",
        "contact.email",
        "attachments.photo",
        "confirmation.true_and_correct",
    ] {
        assert!(paths.contains(&p), "{p} missing from {paths:?}");
    }
    assert!(
        !paths.contains(&"attachments.letter"),
        "the letter is only recommended"
    );
    assert!(
        !paths.contains(&"expenses.sponsor_name"),
        "hidden until someone else pays"
    );
}

#[test]
fn choices_change_what_is_shown_and_required() {
    let mut data = complete();
    set_value(&mut data, "expenses.method", json!("sponsor_abroad"));
    let found = codes("extension-of-stay", &data);
    for p in [
        "expenses.sponsor_name",
        "expenses.sponsor_address",
        "expenses.sponsor_relationship",
        "expenses.remittance",
    ] {
        assert!(
            found.contains(&("required".into(), p.into())),
            "{p}: {found:?}"
        );
    }
    let states = field_states(schema_for("extension-of-stay").unwrap(), &data);
    let state = |p: &str| states.iter().find(|s| s.path == p).unwrap().clone();
    assert!(state("expenses.sponsor_name").shown && state("expenses.sponsor_name").required);
    assert!(
        !state("expenses.scholarship_body").shown && !state("expenses.scholarship_body").required
    );
    assert!(
        !state("reentry.kind").shown,
        "re-entry section hidden until ticked"
    );
    // A value left in a now-hidden field is ignored, not an error.
    set_value(&mut data, "expenses.method", json!("self"));
    set_value(&mut data, "expenses.sponsor_name", json!("LE VAN BINH"));
    assert_eq!(codes("extension-of-stay", &data), vec![]);
}

#[test]
fn cross_field_rules_of_the_manual() {
    let mut data = complete();
    set_value(&mut data, "simultaneous.reentry", json!(true));
    set_value(&mut data, "reentry.kind", json!("single"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![("reentry_needs_counter".into(), "receipt.method".into())]
    );
    set_value(&mut data, "receipt.method", json!("counter"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![("required".into(), "receipt.office".into())]
    );
    set_value(&mut data, "receipt.office", json!("fukuoka"));
    assert_eq!(codes("extension-of-stay", &data), vec![]);
    // Manual 4.2.5's example: a branch office, not only the eight regional bureaus.
    set_value(&mut data, "receipt.office", json!("fukuoka-oita"));
    assert_eq!(codes("extension-of-stay", &data), vec![]);
    set_value(&mut data, "receipt.office", json!("atlantis"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![("not_a_choice".into(), "receipt.office".into())]
    );

    let mut data = complete();
    set_value(&mut data, "simultaneous.activity_outside", Value::Null);
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![(
            "part_time_needs_permission".into(),
            "simultaneous.activity_outside".into()
        )]
    );
}

#[test]
fn common_items_shortcut_and_others_detail() {
    let mut data = complete();
    set_value(&mut data, "simultaneous.common_items_match", json!(false));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![("required".into(), "simultaneous.name_en".into())]
    );
    let mut data = complete();
    set_value(&mut data, "activity_outside.business_type", json!("other"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![(
            "required".into(),
            "activity_outside.business_type_other".into()
        )]
    );
    set_value(&mut data, "activity_outside.business_type_other", json!("宿泊業、福祉事業、その他のサービス業で四十文字を超える長い説明の例です。本当にとても長い説明です。"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![(
            "too_long".into(),
            "activity_outside.business_type_other".into()
        )]
    );
}

#[test]
fn email_twice_unknown_fields_types_and_rows() {
    let mut data = complete();
    set_value(
        &mut data,
        "contact.email_confirm",
        json!("le.van.an@example.com"),
    );
    set_value(&mut data, "applicant.favourite_colour", json!("blue"));
    set_value(&mut data, "confirmation.true_and_correct", json!("yes"));
    let found = codes("extension-of-stay", &data);
    assert!(
        found.contains(&("mismatch".into(), "contact.email_confirm".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("unknown_field".into(), "applicant.favourite_colour".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("wrong_type".into(), "confirmation.true_and_correct".into())),
        "{found:?}"
    );

    let mut data = complete();
    set_value(&mut data, "family.any", json!("yes"));
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![("required".into(), "family.members".into())]
    );
    set_value(
        &mut data,
        "family.members",
        json!([
            {"relationship": "妻", "name": "NGUYEN THI BINH", "birth_date": "2002-01-01", "nationality": "Viet Nam", "living_together": true},
            {"relationship": "子", "name": "LE VAN C", "birth_date": "2025-02-30", "nationality": "Viet Nam", "residence_card_number": "x"}
        ]),
    );
    assert_eq!(
        codes("extension-of-stay", &data),
        vec![
            ("bad_format".into(), "family.members[1].birth_date".into()),
            (
                "bad_format".into(),
                "family.members[1].residence_card_number".into()
            )
        ]
    );
    assert_eq!(
        validate_form(schema_for("extension-of-stay").unwrap(), &json!([1]))
            .unwrap_err()
            .code(),
        "form_not_an_object"
    );
}

#[test]
fn findings_carry_both_languages() {
    let found = validate_form(
        schema_for("usage-application").unwrap(),
        &json!({"user": {"postal_code": "12"}}),
    )
    .unwrap();
    let postal = found.iter().find(|f| f.path == "user.postal_code").unwrap();
    assert_eq!(postal.code, "bad_format");
    assert!(
        postal.message.contains("7 digits") && postal.message_ja.contains("7桁"),
        "{postal:?}"
    );
    assert!(found
        .iter()
        .all(|f| !f.message.is_empty() && !f.message_ja.is_empty()));
}

#[test]
fn change_of_status_reuses_the_extension_form_with_its_own_request() {
    let schema = schema_for("change-of-status").unwrap();
    assert!(schema.field("request.desired_status").is_some());
    assert!(schema.field("applicant.residence_card_number").is_some());
    let mut data = complete();
    set_value(&mut data, "request.desired_status", json!("student"));
    // Issue 15 item 12: the status of residence held now is asked too.
    assert_eq!(
        codes("change-of-status", &data),
        vec![("required".to_owned(), "request.current_status".to_owned())]
    );
    set_value(&mut data, "request.current_status", json!("dependent"));
    assert_eq!(codes("change-of-status", &data), vec![]);
    assert_eq!(
        schema.rules.len(),
        schema_for("extension-of-stay").unwrap().rules.len()
    );
}
