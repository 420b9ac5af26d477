//! Fuzz target: any bytes through the photo check must give a verdict.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let today = zairyu_checks::Date::parse("2026-11-24").expect("a valid date");
    let _ = zairyu_checks::check_photo_bytes(data, today);
});
