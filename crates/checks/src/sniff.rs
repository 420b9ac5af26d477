//! What a file really is, from its first bytes, whatever its name says.

/// The kinds of file the checks recognise by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Empty,
    Pdf,
    Jpeg,
    Png,
    Gif,
    Heif,
    Html,
    Zip,
    Text,
    Unknown,
}

impl Sniffed {
    /// How the kind is named in messages ("a JPEG image").
    pub fn describe(self) -> &'static str {
        match self {
            Sniffed::Empty => "an empty file",
            Sniffed::Pdf => "a PDF document",
            Sniffed::Jpeg => "a JPEG image",
            Sniffed::Png => "a PNG image",
            Sniffed::Gif => "a GIF image",
            Sniffed::Heif => "a HEIC/HEIF image",
            Sniffed::Html => "an HTML page",
            Sniffed::Zip => "a ZIP archive (or Office document)",
            Sniffed::Text => "plain text",
            Sniffed::Unknown => "a file of unknown type",
        }
    }
}

/// Looks at the first bytes. A PDF header may follow up to 1024 bytes of junk (as readers
/// allow); everything else must start at byte 0.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"\xFF\xD8\xFF") {
        return Sniffed::Jpeg;
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Png;
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Sniffed::Gif;
    }
    if head.len() >= 12
        && &head[4..8] == b"ftyp"
        && matches!(
            &head[8..12],
            b"heic" | b"heix" | b"mif1" | b"msf1" | b"hevc"
        )
    {
        return Sniffed::Heif;
    }
    if head.starts_with(b"PK\x03\x04") {
        return Sniffed::Zip;
    }
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Sniffed::Pdf;
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || trimmed.contains("<html")
    {
        return Sniffed::Html;
    }
    if head
        .iter()
        .all(|&b| b == b'\n' || b == b'\r' || b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80)
    {
        return Sniffed::Text;
    }
    Sniffed::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_by_content() {
        let cases: [(&[u8], Sniffed); 8] = [
            (b"", Sniffed::Empty),
            (b"%PDF-1.7\n...", Sniffed::Pdf),
            (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", Sniffed::Jpeg),
            (b"\x89PNG\r\n\x1a\n....", Sniffed::Png),
            (b"<!DOCTYPE html><html>", Sniffed::Html),
            (b"  <html lang=ja>", Sniffed::Html),
            (b"PK\x03\x04rest", Sniffed::Zip),
            (b"\x00\x01\x02\x03", Sniffed::Unknown),
        ];
        for (bytes, want) in cases {
            assert_eq!(sniff(bytes), want, "{bytes:?}");
        }
        let mut junk_then_pdf = vec![b' '; 100];
        junk_then_pdf.extend_from_slice(b"%PDF-1.4");
        assert_eq!(sniff(&junk_then_pdf), Sniffed::Pdf);
    }
}
