//! Canonical JSON (RFC 8785, the JSON Canonicalization Scheme): the same value gives the same
//! bytes on every platform, whatever the key order or number spelling it arrived in.

use serde::Serialize;

/// The RFC 8785 bytes of a value.
pub fn canonical_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json_canonicalizer::to_vec(value)
        .expect("a serde_json-compatible value always canonicalises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rfc8785_vectors() {
        // Key order by UTF-16 code units, no whitespace, ECMAScript number form, minimal escapes.
        let value: serde_json::Value = serde_json::from_str(
            r#"{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],
                "string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
                "literals":[null,true,false]}"#,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(canonical_json(&value)).unwrap(),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
        let sorted = json!({"\u{20ac}": "Euro", "\r": "CR", "1": "One", "\u{1f600}": "emoji", "\u{0080}": "ctl", "\u{00f6}": "o"});
        assert_eq!(
            String::from_utf8(canonical_json(&sorted)).unwrap(),
            "{\"\\r\":\"CR\",\"1\":\"One\",\"\u{0080}\":\"ctl\",\"\u{00f6}\":\"o\",\"\u{20ac}\":\"Euro\",\"\u{1f600}\":\"emoji\"}"
        );
    }

    #[test]
    fn key_order_and_spacing_do_not_change_the_bytes() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{ "b": {"y":1, "x":[2, 3]}, "a": "東京" }"#).unwrap();
        let b = json!({"a": "東京", "b": {"x": [2, 3], "y": 1}});
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&b),
            r#"{"a":"東京","b":{"x":[2,3],"y":1}}"#.as_bytes()
        );
    }
}
