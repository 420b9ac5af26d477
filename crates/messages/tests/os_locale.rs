//! The interface language at first run comes from the operating system's locale (on Linux the
//! `LC_ALL`, `LC_MESSAGES` and `LANG` variables), when it is one of ours. One test in its own
//! process, since it changes the environment.

use zairyu_messages::Language;

#[test]
fn the_os_locale_chooses_the_language_when_it_is_one_of_ours() {
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
        std::env::remove_var(name);
    }
    let cases = [
        ("ja_JP.UTF-8", Some(Language::Ja)),
        ("zh_CN.UTF-8", Some(Language::ZhHans)),
        ("vi_VN.UTF-8", Some(Language::Vi)),
        ("ne_NP.UTF-8", Some(Language::Ne)),
        ("ko_KR.UTF-8", Some(Language::Ko)),
        ("id_ID.UTF-8", Some(Language::Id)),
        ("en_GB.UTF-8", Some(Language::En)),
        ("fr_FR.UTF-8", None),
        ("zh_TW.UTF-8", None),
    ];
    for (lang, expected) in cases {
        std::env::set_var("LANG", lang);
        assert_eq!(Language::from_os(), expected, "LANG={lang}");
    }
    std::env::set_var("LANG", "fr_FR.UTF-8");
    std::env::set_var("LC_ALL", "ko_KR.UTF-8");
    assert_eq!(
        Language::from_os(),
        Some(Language::Ko),
        "LC_ALL wins over LANG"
    );
}
