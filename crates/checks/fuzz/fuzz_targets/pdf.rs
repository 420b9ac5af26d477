//! Fuzz target: any bytes through the PDF check and the PDF fix-up must give a verdict.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = zairyu_checks::check_pdf_bytes(data);
    let _ = zairyu_checks::fix_pdf(data);
});
