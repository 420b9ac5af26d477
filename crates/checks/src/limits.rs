//! The limits every check uses, read from `limits.json` (compiled in), each with its source.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Entry<T> {
    value: T,
    #[allow(dead_code)]
    source: String,
}

#[derive(Debug, Deserialize)]
struct File {
    set_max_files: Entry<usize>,
    set_max_total_bytes: Entry<u64>,
    pdf_max_version: Entry<String>,
    pdf_max_objects: Entry<usize>,
    pdf_max_parse_bytes: Entry<u64>,
    pdf_max_decompressed_stream_bytes: Entry<usize>,
    pdf_max_decompressed_total_bytes: Entry<u64>,
    request_max_decoded_bytes: Entry<u64>,
    photo_aspect_width_to_height: Entry<f64>,
    photo_aspect_tolerance: Entry<f64>,
    photo_min_width_px: Entry<u32>,
    photo_min_height_px: Entry<u32>,
    photo_max_pixels: Entry<u64>,
    photo_max_decode_bytes: Entry<u64>,
    photo_max_bytes: Entry<u64>,
    photo_max_age_days: Entry<i64>,
    photo_fix_height_px: Entry<u32>,
    photo_background_max_stddev: Entry<f64>,
    photo_min_sharpness: Entry<f64>,
}

/// The limits in force (see `limits.json` for where each number comes from).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    pub set_max_files: usize,
    pub set_max_total_bytes: u64,
    /// Highest accepted PDF version as (major, minor).
    pub pdf_max_version: (u32, u32),
    pub pdf_max_objects: usize,
    /// What lopdf's object tree of one PDF may take, estimated before loading.
    pub pdf_max_parse_bytes: u64,
    pub pdf_max_decompressed_stream_bytes: usize,
    /// All object and xref streams of one PDF together, inflated.
    pub pdf_max_decompressed_total_bytes: u64,
    /// What one submission's files may decode to together (see [`crate::DecodeBudget`]).
    pub request_max_decoded_bytes: u64,
    pub photo_aspect_width_to_height: f64,
    pub photo_aspect_tolerance: f64,
    pub photo_min_width_px: u32,
    pub photo_min_height_px: u32,
    pub photo_max_pixels: u64,
    /// What decoding one photo for its check may allocate, estimated from the header.
    pub photo_max_decode_bytes: u64,
    pub photo_max_bytes: u64,
    pub photo_max_age_days: i64,
    pub photo_fix_height_px: u32,
    pub photo_background_max_stddev: f64,
    pub photo_min_sharpness: f64,
}

/// Parses "1.7" into (1, 7).
pub(crate) fn parse_version(text: &str) -> Option<(u32, u32)> {
    let (major, minor) = text.trim().split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

impl Limits {
    /// The limits compiled in from `limits.json`.
    pub fn official() -> &'static Limits {
        static LIMITS: OnceLock<Limits> = OnceLock::new();
        LIMITS.get_or_init(|| {
            let file: File = serde_json::from_str(include_str!("../limits.json"))
                .expect("limits.json is valid (checked by a unit test)");
            Limits {
                set_max_files: file.set_max_files.value,
                set_max_total_bytes: file.set_max_total_bytes.value,
                pdf_max_version: parse_version(&file.pdf_max_version.value)
                    .expect("pdf_max_version is MAJOR.MINOR"),
                pdf_max_objects: file.pdf_max_objects.value,
                pdf_max_parse_bytes: file.pdf_max_parse_bytes.value,
                pdf_max_decompressed_stream_bytes: file.pdf_max_decompressed_stream_bytes.value,
                pdf_max_decompressed_total_bytes: file.pdf_max_decompressed_total_bytes.value,
                request_max_decoded_bytes: file.request_max_decoded_bytes.value,
                photo_aspect_width_to_height: file.photo_aspect_width_to_height.value,
                photo_aspect_tolerance: file.photo_aspect_tolerance.value,
                photo_min_width_px: file.photo_min_width_px.value,
                photo_min_height_px: file.photo_min_height_px.value,
                photo_max_pixels: file.photo_max_pixels.value,
                photo_max_decode_bytes: file.photo_max_decode_bytes.value,
                photo_max_bytes: file.photo_max_bytes.value,
                photo_max_age_days: file.photo_max_age_days.value,
                photo_fix_height_px: file.photo_fix_height_px.value,
                photo_background_max_stddev: file.photo_background_max_stddev.value,
                photo_min_sharpness: file.photo_min_sharpness.value,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_file_parses_and_says_25_mb_is_25_million_bytes() {
        let limits = Limits::official();
        assert_eq!(limits.set_max_total_bytes, 25_000_000);
        assert_eq!(limits.set_max_files, 20);
        assert_eq!(limits.pdf_max_version, (1, 7));
    }

    #[test]
    fn every_limit_names_its_source() {
        let raw: serde_json::Value = serde_json::from_str(include_str!("../limits.json")).unwrap();
        for (key, entry) in raw.as_object().unwrap() {
            if key.starts_with('_') {
                continue;
            }
            let source = entry["source"].as_str().unwrap_or("");
            assert!(source.len() > 10, "{key} has no source");
        }
    }

    #[test]
    fn versions_parse() {
        assert_eq!(parse_version("2.0"), Some((2, 0)));
        assert_eq!(parse_version("1.10"), Some((1, 10)));
        assert_eq!(parse_version("x"), None);
    }
}
