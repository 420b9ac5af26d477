//! Unit tests of rendering: arguments, numbers, dates, lists and the OS locale.

use super::*;

#[test]
fn locales_map_to_our_languages_or_none() {
    assert_eq!(Language::from_locale("ja_JP.UTF-8"), Some(Language::Ja));
    assert_eq!(Language::from_locale("zh_CN.UTF-8"), Some(Language::ZhHans));
    assert_eq!(Language::from_locale("zh-Hans-SG"), Some(Language::ZhHans));
    assert_eq!(Language::from_locale("zh_TW.UTF-8"), None);
    assert_eq!(Language::from_locale("ne-NP"), Some(Language::Ne));
    assert_eq!(Language::from_locale("ko"), Some(Language::Ko));
    assert_eq!(Language::from_locale("in_ID"), Some(Language::Id));
    assert_eq!(Language::from_locale("vi_VN"), Some(Language::Vi));
    assert_eq!(Language::from_locale("fr_FR.UTF-8"), None);
    assert_eq!(Language::from_locale("C"), None);
    assert_eq!("zh-Hans".parse::<Language>(), Ok(Language::ZhHans));
    assert!("de".parse::<Language>().is_err());
}

#[test]
fn numbers_dates_and_lists_follow_the_language() {
    assert_eq!(format_number(Language::En, 25_000_000), "25,000,000");
    assert_eq!(format_number(Language::Vi, 25_000_000), "25.000.000");
    assert_eq!(format_number(Language::Id, 999), "999");
    assert_eq!(format_number(Language::Ne, 25_000_000), "२,५०,००,०००");
    assert_eq!(
        format_date(Language::En, "2026-03-01").unwrap(),
        "1 March 2026"
    );
    assert_eq!(
        format_date(Language::Ja, "2026-03-01").unwrap(),
        "2026年3月1日"
    );
    assert_eq!(
        format_date(Language::Ko, "2026-03-01").unwrap(),
        "2026년 3월 1일"
    );
    assert_eq!(format_date(Language::En, "not a date"), None);
    let items = ["2".to_owned(), "5".to_owned(), "7".to_owned()];
    assert_eq!(join_list(Language::En, &items), "2, 5 and 7");
    assert_eq!(join_list(Language::Ja, &items), "2、5、7");
}

#[test]
fn every_language_renders_a_finding_with_its_arguments() {
    let args = args!["count" => 21, "max" => 20];
    for language in Language::ALL {
        let text = text(language, "set_too_many_files", &args).unwrap();
        assert!(
            text.contains("21") || text.contains("२१"),
            "{language}: {text}"
        );
        assert!(attribute(language, "set_too_many_files", "hint", &args).is_some());
    }
    assert_eq!(text(Language::En, "no-such-message", &Args::new()), None);
}
