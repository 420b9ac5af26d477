//! The one rule for an e-mail address and for a telephone number, shared by the form engine
//! and the reception server (registration, My page), so an address one accepts the other
//! accepts too.

/// An e-mail address as the agency's screens accept it: 1-byte printable characters only, up
/// to 60, one `@` with something before it, and a domain with a dot that neither starts nor
/// ends it (`a@.b` and `a@b.` are refused).
pub fn valid_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 60
        && text.bytes().all(|b| b.is_ascii_graphic())
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// A telephone number as stored: 1 to 12 ASCII digits, no hyphens or spaces (the form engine
/// strips separators from typed input before this check).
pub fn valid_telephone(text: &str) -> bool {
    (1..=12).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_needs_a_local_part_and_a_dotted_domain() {
        for ok in [
            "name@example.jp",
            "a.b+tag@mail.example.co.jp",
            "x@y.z",
            &format!("{}@example.jp", "a".repeat(49)),
        ] {
            assert!(valid_email(ok), "{ok} is an address");
        }
        for bad in [
            "a@.b",
            "a@b.",
            "@example.jp",
            "name@localhost",
            "name.example.jp",
            "a@b@c.jp",
            "name @example.jp",
            "名前@example.jp",
            "ｎａｍｅ@example.jp",
            "",
            &format!("{}@example.jp", "a".repeat(50)),
        ] {
            assert!(!valid_email(bad), "{bad} is not an address");
        }
    }

    #[test]
    fn telephone_is_one_to_twelve_digits() {
        for ok in ["0", "0312345678", "090123456789"] {
            assert!(valid_telephone(ok), "{ok} is a number");
        }
        for bad in [
            "",
            "0901234567890",
            "03-1234-5678",
            "03 1234 5678",
            "+81312345678",
            "０３１２３４５６７８",
        ] {
            assert!(!valid_telephone(bad), "{bad} is not a number");
        }
    }
}
