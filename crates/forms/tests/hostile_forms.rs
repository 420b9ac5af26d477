//! Hostile and random input to the engine (what a malicious client could send the server):
//! it never panics, every finding names a path, and normalising twice changes nothing.

use proptest::prelude::*;
use serde_json::{json, Value};
use zairyu_forms::engine::set_value;
use zairyu_forms::schema::schemas;
use zairyu_forms::{normalize_input, validate_form};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,80}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_value_in_any_field_gives_findings_not_panics(
        schema_index in 0usize..4,
        field_index in 0usize..200,
        value in any_json(),
        stray in any_json(),
    ) {
        let schema = &schemas()[schema_index % schemas().len()];
        let paths: Vec<String> = schema.fields().map(|(p, _, _)| p).collect();
        let path = &paths[field_index % paths.len()];
        let mut data = json!({});
        set_value(&mut data, path, value);
        let findings = validate_form(schema, &data).unwrap();
        for f in &findings {
            prop_assert!(!f.code.is_empty() && !f.message.is_empty() && !f.message_ja.is_empty());
        }
        // A whole random document is either refused as a whole or judged field by field.
        if let Ok(findings) = validate_form(schema, &stray) {
            prop_assert!(findings.iter().all(|f| !f.code.is_empty()));
        }
    }

    #[test]
    fn normalising_is_idempotent(schema_index in 0usize..4, field_index in 0usize..200, raw in ".{0,40}") {
        let schema = &schemas()[schema_index % schemas().len()];
        let paths: Vec<String> = schema.fields().map(|(p, _, _)| p).collect();
        let path = &paths[field_index % paths.len()];
        let once = normalize_input(schema, path, &raw).unwrap();
        if let Value::String(text) = &once {
            prop_assert_eq!(&normalize_input(schema, path, text).unwrap(), &once);
        }
    }
}
