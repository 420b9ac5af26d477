//! The texts of the server's e-mails, rendered from the message catalogues
//! (`locales/<language>/mails.ftl`, through zairyu-messages) in the recipient account's
//! language; without one (an address with no account yet, an account made before languages
//! were stored, a client that sends none) English then Japanese, as the mails always were.

use zairyu_messages::{Args, Language};
use zairyu_wire::ApplicationStatus;

/// One e-mail the server sends, with what it says.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice<'a> {
    /// Registration step 1: the link (`url`) and the code it carries.
    RegisterConfirm {
        url: &'a str,
        code: &'a str,
    },
    /// The new account's (or a forgotten) user ID.
    UserId {
        user_id: &'a str,
    },
    /// A staff member's new user ID.
    StaffUserId {
        user_id: &'a str,
        organisation: &'a str,
    },
    PasswordChanged,
    PasswordReset {
        code: &'a str,
    },
    /// An address change to an address another account already uses.
    EmailInUse,
    EmailChangeConfirm {
        code: &'a str,
    },
    EmailChanged,
    StaffInvitation {
        /// An attorney office's staff (else a school's).
        attorney: bool,
        organisation: &'a str,
        organisation_id: &'a str,
        code: &'a str,
    },
    ApplicationReceived {
        reference: &'a str,
        temporary: &'a str,
        status: ApplicationStatus,
    },
    ResubmissionReceived {
        reference: &'a str,
        version: i64,
    },
    ApplicationAccepted {
        reference: &'a str,
        temporary: &'a str,
        status: ApplicationStatus,
    },
    /// An examiner set a status (its wire name, e.g. `under_review`).
    StatusChanged {
        reference: &'a str,
        status: &'a str,
    },
    RevisionRequested {
        reference: &'a str,
        message: &'a str,
    },
    /// A change of method of receipt; the form's choices as (English, Japanese) pairs.
    ReceiptMethodChanged {
        reference: &'a str,
        number_kind: (&'a str, &'a str),
        number: &'a str,
        classification: (&'a str, &'a str),
        method: (String, String),
    },
}

/// A rendered e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

impl Notice<'_> {
    /// The catalogue id (`mail-<kind>`: the subject; `.body`: the text).
    fn id(&self) -> &'static str {
        match self {
            Notice::RegisterConfirm { .. } => "mail-register-confirm",
            Notice::UserId { .. } => "mail-user-id",
            Notice::StaffUserId { .. } => "mail-staff-user-id",
            Notice::PasswordChanged => "mail-password-changed",
            Notice::PasswordReset { .. } => "mail-password-reset",
            Notice::EmailInUse => "mail-email-in-use",
            Notice::EmailChangeConfirm { .. } => "mail-email-change-confirm",
            Notice::EmailChanged => "mail-email-changed",
            Notice::StaffInvitation { .. } => "mail-staff-invitation",
            Notice::ApplicationReceived { .. } => "mail-application-received",
            Notice::ResubmissionReceived { .. } => "mail-resubmission-received",
            Notice::ApplicationAccepted { .. } => "mail-application-accepted",
            Notice::StatusChanged { .. } => "mail-status-changed",
            Notice::RevisionRequested { .. } => "mail-revision-requested",
            Notice::ReceiptMethodChanged { .. } => "mail-receipt-method-changed",
        }
    }

    /// The arguments, with the words that are themselves texts rendered in `language`.
    fn args(&self, language: Language) -> Args {
        let status = |code: &str| {
            zairyu_messages::text(
                language,
                &format!("notification-status-{code}"),
                &Args::new(),
            )
            .unwrap_or_else(|| code.to_owned())
        };
        let pair = |(en, ja): (&str, &str)| zairyu_messages::pair_text(language, en, ja);
        match self {
            Notice::RegisterConfirm { url, code } => {
                zairyu_messages::args!["url" => *url, "code" => *code]
            }
            Notice::UserId { user_id } => zairyu_messages::args!["user_id" => *user_id],
            Notice::StaffUserId {
                user_id,
                organisation,
            } => zairyu_messages::args!["user_id" => *user_id, "organisation" => *organisation],
            Notice::PasswordChanged | Notice::EmailInUse | Notice::EmailChanged => Args::new(),
            Notice::PasswordReset { code } | Notice::EmailChangeConfirm { code } => {
                zairyu_messages::args!["code" => *code]
            }
            Notice::StaffInvitation {
                attorney,
                organisation,
                organisation_id,
                code,
            } => {
                let kind = match attorney {
                    true => "mail-staff-kind-attorney",
                    false => "mail-staff-kind-school",
                };
                let kind = zairyu_messages::text(language, kind, &Args::new()).unwrap_or_default();
                zairyu_messages::args![
                    "kind" => kind,
                    "organisation" => *organisation,
                    "organisation_id" => *organisation_id,
                    "code" => *code,
                ]
            }
            Notice::ApplicationReceived {
                reference,
                temporary,
                status: s,
            }
            | Notice::ApplicationAccepted {
                reference,
                temporary,
                status: s,
            } => zairyu_messages::args![
                "reference" => *reference,
                "temporary" => *temporary,
                "status" => status(s.as_str()),
            ],
            Notice::ResubmissionReceived { reference, version } => {
                zairyu_messages::args!["reference" => *reference, "version" => *version]
            }
            Notice::StatusChanged {
                reference,
                status: s,
            } => {
                zairyu_messages::args!["reference" => *reference, "status" => status(s)]
            }
            Notice::RevisionRequested { reference, message } => {
                zairyu_messages::args!["reference" => *reference, "message" => *message]
            }
            Notice::ReceiptMethodChanged {
                reference,
                number_kind,
                number,
                classification,
                method,
            } => zairyu_messages::args![
                "reference" => *reference,
                "number_kind" => pair(*number_kind),
                "number" => *number,
                "classification" => pair(*classification),
                "method" => pair((method.0.as_str(), method.1.as_str())),
            ],
        }
    }

    /// The e-mail in `language`; `None`: English, then Japanese.
    pub fn render(&self, language: Option<Language>) -> Letter {
        let one = |language: Language| {
            let args = self.args(language);
            let subject = zairyu_messages::text(language, self.id(), &args).unwrap_or_default();
            let body =
                zairyu_messages::attribute(language, self.id(), "body", &args).unwrap_or_default();
            Letter { subject, body }
        };
        match language {
            Some(language) => one(language),
            None => both(one(Language::En), one(Language::Ja)),
        }
    }
}

/// The English and the Japanese letter as one: "subject / 件名", the texts one after the other.
fn both(en: Letter, ja: Letter) -> Letter {
    Letter {
        subject: format!("{} / {}", en.subject, ja.subject),
        body: format!("{}\n\n{}", en.body, ja.body),
    }
}

/// The copy of a notice for the staff member who filed the application: the notice as they
/// read it (`notice` rendered in their language) after a line saying whose it is.
pub fn staff_copy(
    notice: &Notice<'_>,
    language: Option<Language>,
    name: &str,
    user_id: &str,
    reference: &str,
) -> Letter {
    let args =
        zairyu_messages::args!["name" => name, "user_id" => user_id, "reference" => reference];
    let one = |language: Language| Letter {
        subject: zairyu_messages::text(language, "mail-copy", &args).unwrap_or_default(),
        body: zairyu_messages::attribute(language, "mail-copy", "body", &args).unwrap_or_default(),
    };
    let intro = match language {
        Some(language) => one(language),
        None => {
            let (en, ja) = (one(Language::En), one(Language::Ja));
            Letter {
                subject: format!("{} / {}", en.subject, ja.subject),
                body: format!("{}\n{}", en.body, ja.body),
            }
        }
    };
    let inner = notice.render(language);
    Letter {
        subject: format!("{}: {}", intro.subject, inner.subject),
        body: format!("{}\n\n{}", intro.body, inner.body),
    }
}

/// An account's stored language tag as a [`Language`] (`None`: not one of ours, or none).
pub fn language_of(tag: Option<&str>) -> Option<Language> {
    Language::ALL.into_iter().find(|l| Some(l.tag()) == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind of mail, with the texts its parameters must show.
    fn every_notice() -> Vec<(Notice<'static>, Vec<&'static str>)> {
        vec![
            (
                Notice::RegisterConfirm {
                    url: "https://r.example/register?token=ab12",
                    code: "ab12",
                },
                vec!["https://r.example/register?token=ab12", "ab12"],
            ),
            (
                Notice::UserId {
                    user_id: "ZR12345678",
                },
                vec!["ZR12345678"],
            ),
            (
                Notice::StaffUserId {
                    user_id: "ZR87654321",
                    organisation: "Kita Japanese School",
                },
                vec!["ZR87654321", "Kita Japanese School"],
            ),
            (Notice::PasswordChanged, vec![]),
            (Notice::PasswordReset { code: "c0de99" }, vec!["c0de99"]),
            (Notice::EmailInUse, vec![]),
            (
                Notice::EmailChangeConfirm { code: "c0de77" },
                vec!["c0de77"],
            ),
            (Notice::EmailChanged, vec![]),
            (
                Notice::StaffInvitation {
                    attorney: false,
                    organisation: "Kita Japanese School",
                    organisation_id: "ORG00000042",
                    code: "inv1te",
                },
                vec!["Kita Japanese School", "ORG00000042", "inv1te"],
            ),
            (
                Notice::ApplicationReceived {
                    reference: "R-2026-0001",
                    temporary: "T0001",
                    status: ApplicationStatus::Pending,
                },
                vec!["R-2026-0001", "T0001"],
            ),
            (
                Notice::ResubmissionReceived {
                    reference: "R-2026-0002",
                    version: 2,
                },
                vec!["R-2026-0002"],
            ),
            (
                Notice::ApplicationAccepted {
                    reference: "R-2026-0003",
                    temporary: "T0003",
                    status: ApplicationStatus::ApplicationCompleted,
                },
                vec!["R-2026-0003", "T0003"],
            ),
            (
                Notice::StatusChanged {
                    reference: "R-2026-0004",
                    status: "under_review",
                },
                vec!["R-2026-0004"],
            ),
            (
                Notice::RevisionRequested {
                    reference: "R-2026-0005",
                    message: "Attach the transcript",
                },
                vec!["R-2026-0005", "Attach the transcript"],
            ),
            (
                Notice::ReceiptMethodChanged {
                    reference: "R-2026-0006",
                    number_kind: ("Temporary application number", "仮申請番号"),
                    number: "申請2600011111",
                    classification: ("Change of the method of receipt", "受領方法の変更"),
                    method: ("Mailing".into(), "郵送".into()),
                },
                // The form's choices: English, Japanese, or English with the Japanese beside.
                vec!["R-2026-0006", "申請2600011111"],
            ),
        ]
    }

    #[test]
    fn every_mail_renders_in_every_language_with_its_parameters() {
        for (notice, shown) in every_notice() {
            let mut subjects = std::collections::BTreeSet::new();
            for language in Language::ALL {
                let letter = notice.render(Some(language));
                let whole = format!("{}\n{}", letter.subject, letter.body);
                assert!(
                    !letter.subject.is_empty() && !letter.body.is_empty(),
                    "{language}: {notice:?}"
                );
                assert!(
                    !whole.contains('{') && !whole.contains('}') && !whole.contains("mail-"),
                    "{language}: a parameter or id left unfilled: {whole}"
                );
                for value in &shown {
                    assert!(
                        whole.contains(value),
                        "{language}: {value} missing in {whole}"
                    );
                }
                subjects.insert(letter.body.clone());
            }
            // Seven languages, seven texts: none is left in English.
            assert_eq!(subjects.len(), Language::ALL.len(), "{notice:?}");
        }
    }

    #[test]
    fn a_mail_in_vietnamese_says_its_words_in_vietnamese() {
        let letter = Notice::ApplicationAccepted {
            reference: "R1",
            temporary: "T1",
            status: ApplicationStatus::ApplicationCompleted,
        }
        .render(Some(Language::Vi));
        assert_eq!(letter.subject, "Zairyu: đơn đã được thụ lý");
        let status = zairyu_messages::text(
            Language::Vi,
            "notification-status-application_completed",
            &Args::new(),
        )
        .unwrap();
        assert!(letter.body.contains(&status), "{}", letter.body);
        let version = Notice::ResubmissionReceived {
            reference: "R1",
            version: 2,
        }
        .render(Some(Language::Ne));
        assert!(version.body.contains('२'), "{}", version.body);
    }

    #[test]
    fn a_form_choice_in_a_mail_keeps_the_official_japanese_term() {
        let notice = Notice::ReceiptMethodChanged {
            reference: "R1",
            number_kind: ("Temporary application number", "仮申請番号"),
            number: "申請2600011111",
            classification: ("Change of the method of receipt", "受領方法の変更"),
            method: ("Mailing".into(), "郵送".into()),
        };
        assert!(notice.render(Some(Language::En)).body.contains("Mailing"));
        assert!(notice.render(Some(Language::Ja)).body.contains("郵送"));
        assert!(notice
            .render(Some(Language::Id))
            .body
            .contains("Mailing（郵送）"));
    }

    #[test]
    fn without_a_language_the_mail_is_english_then_japanese() {
        let letter = Notice::UserId {
            user_id: "ZR12345678",
        }
        .render(None);
        assert_eq!(letter.subject, "Zairyu: your user ID / Zairyu：利用者ID");
        assert_eq!(
            letter.body,
            "Your user ID is ZR12345678.\n\n利用者IDは ZR12345678 です。"
        );
        let invitation = Notice::StaffInvitation {
            attorney: true,
            organisation: "Sato Office",
            organisation_id: "ORG1",
            code: "abc",
        }
        .render(None);
        assert!(invitation.body.contains("Attorney / Administrative"));
        assert!(invitation.body.contains("弁護士・行政書士"));
    }

    #[test]
    fn a_staff_copy_names_the_student_in_the_staff_members_language() {
        let notice = Notice::StatusChanged {
            reference: "R9",
            status: "completed",
        };
        let copy = staff_copy(&notice, Some(Language::Ko), "LE VAN AN", "ZR1", "R9");
        assert!(copy.subject.starts_with("사본: "), "{}", copy.subject);
        assert!(copy.body.contains("LE VAN AN") && copy.body.contains("ZR1"));
        assert!(copy.body.ends_with(&notice.render(Some(Language::Ko)).body));
        let both = staff_copy(&notice, None, "LE VAN AN", "ZR1", "R9");
        assert!(
            both.subject.starts_with("Copy / 写し: "),
            "{}",
            both.subject
        );
    }

    #[test]
    fn a_stored_tag_is_a_language_only_when_it_is_one_of_ours() {
        assert_eq!(language_of(Some("vi")), Some(Language::Vi));
        assert_eq!(language_of(Some("zh-Hans")), Some(Language::ZhHans));
        assert_eq!(language_of(Some("fr")), None);
        assert_eq!(language_of(None), None);
    }
}
