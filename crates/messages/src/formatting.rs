//! Numbers, dates and lists as each language writes them (the same conventions as the UI's
//! `Intl` formatting for its locale).

use fluent_bundle::FluentValue;

use crate::Language;

/// `n` with the language's digit grouping: `25,000,000` (English, Japanese, Chinese, Korean),
/// `25.000.000` (Vietnamese, Indonesian), `२,५०,००,०००` (Nepali: Devanagari digits, Indian
/// grouping).
pub fn format_number(language: Language, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let (separator, indian) = match language {
        Language::Vi | Language::Id => ('.', false),
        Language::Ne => (',', true),
        _ => (',', false),
    };
    let mut groups: Vec<&str> = Vec::new();
    let mut end = digits.len();
    let mut size = 3;
    while end > size {
        groups.push(&digits[end - size..end]);
        end -= size;
        if indian {
            size = 2;
        }
    }
    groups.push(&digits[..end]);
    groups.reverse();
    let mut out = if n < 0 {
        String::from("-")
    } else {
        String::new()
    };
    out.push_str(&groups.join(&separator.to_string()));
    if language == Language::Ne {
        out = out
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0966 + d).unwrap_or(c),
                None => c,
            })
            .collect();
    }
    out
}

/// An ISO date `YYYY-MM-DD` as the language writes it (`1 March 2026`, `2026年3月1日`,
/// `2026년 3월 1일`, …); `None` when `iso` is not such a date.
pub fn format_date(language: Language, iso: &str) -> Option<String> {
    let bytes = iso.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    let year: i64 = iso[..4].parse().ok()?;
    let month: usize = iso[5..7].parse().ok()?;
    let day: u32 = iso[8..].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const NE: [&str; 12] = [
        "जनवरी",
        "फेब्रुअरी",
        "मार्च",
        "अप्रिल",
        "मे",
        "जुन",
        "जुलाई",
        "अगस्ट",
        "सेप्टेम्बर",
        "अक्टोबर",
        "नोभेम्बर",
        "डिसेम्बर",
    ];
    Some(match language {
        Language::En => format!("{day} {} {year}", EN[month - 1]),
        Language::Ja | Language::ZhHans => format!("{year}年{month}月{day}日"),
        Language::Ko => format!("{year}년 {month}월 {day}일"),
        Language::Vi => format!("{day} tháng {month}, {year}"),
        Language::Id => format!("{day} {} {year}", ID[month - 1]),
        Language::Ne => format!(
            "{} {} {}",
            format_number(Language::Ne, year).replace(',', ""),
            NE[month - 1],
            format_number(Language::Ne, i64::from(day))
        ),
    })
}

/// Items joined as the language joins a list: `2, 5 and 7`, `2、5、7`, `2, 5 và 7`, …
pub fn join_list(language: Language, items: &[String]) -> String {
    let (separator, last) = match language {
        Language::En => (", ", " and "),
        Language::Ja => ("、", "、"),
        Language::ZhHans => ("、", "和"),
        Language::Vi => (", ", " và "),
        Language::Ne => (", ", " र "),
        Language::Ko => (", ", " 및 "),
        Language::Id => (", ", ", dan "),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] if language == Language::Id => format!("{first} dan {second}"),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(separator)),
    }
}

fn format_fluent_number<const L: usize, M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number)
            if number.value.fract() == 0.0 && number.options.minimum_fraction_digits.is_none() =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Some(format_number(Language::ALL[L], number.value as i64))
        }
        _ => None,
    }
}

/// The bundle's number formatter for `language` (Fluent's own writes digits without grouping).
pub(crate) fn formatter_for<M>(language: Language) -> fn(&FluentValue, &M) -> Option<String> {
    match language.index() {
        0 => format_fluent_number::<0, M>,
        1 => format_fluent_number::<1, M>,
        2 => format_fluent_number::<2, M>,
        3 => format_fluent_number::<3, M>,
        4 => format_fluent_number::<4, M>,
        5 => format_fluent_number::<5, M>,
        _ => format_fluent_number::<6, M>,
    }
}
