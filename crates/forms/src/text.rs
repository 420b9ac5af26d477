//! Character-width rules of the agency's forms: what counts as half-width (1-byte) and
//! full-width (2-byte), and the normalisation of full-width letters and digits.

/// A half-width (1-byte) character: printable ASCII.
pub(crate) fn is_half_width(c: char) -> bool {
    (' '..='~').contains(&c)
}

/// A full-width (2-byte) character: anything but ASCII, control characters and half-width katakana.
pub(crate) fn is_full_width(c: char) -> bool {
    !c.is_ascii() && !c.is_control() && !('\u{FF61}'..='\u{FF9F}').contains(&c)
}

/// Full-width ASCII variants (Ａ, １, －, the ideographic space) turned into their half-width forms.
pub(crate) fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            'ー' | '‐' | '−' | '–' | '—' => '-',
            _ => c,
        })
        .collect()
}

/// A half-width string without hyphens, brackets, plus signs or any whitespace (postal codes,
/// telephones).
pub(crate) fn strip_separators(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '+'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_classes() {
        assert!(is_half_width('A') && is_half_width('7') && !is_half_width('Ａ'));
        assert!(is_full_width('東') && is_full_width('オ') && is_full_width('Ｔ'));
        assert!(!is_full_width('ｵ') && !is_full_width('T'));
        assert_eq!(to_half_width("ＡＢ１２３　－"), "AB123 -");
        assert_eq!(strip_separators("530-0000"), "5300000");
    }
}
