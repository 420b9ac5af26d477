//! Organisations (RASENS: schools and attorney offices, an ID valid three years) and their
//! staff: created and listed by the operator (`zairyu org …`), staff invited by e-mail and
//! registered with the invitation's code, removed at once, and the validity notice staff see
//! from 90 days before the registration ends.

use super::accounts::{check_account_details, hash_password};
use super::{hash_token, random_digits, random_hex, ReceptionOffice, DAY};
use crate::clock::{date_text, japan_date, parse_date, years_later};
use crate::error::ApiError;
use crate::mail_text::Notice;
use crate::store::{InvitationRow, OrganisationRow, UserRow};
use zairyu_forms::contact::valid_email;
use zairyu_wire::{
    Organisation, OrganisationDetails, OrganisationKind, OrganisationNotice, OrganisationSummary,
    StaffInvitation, StaffMember,
};

/// How long an organisation's registration is valid (RASENS).
pub const VALID_YEARS: i32 = 3;
/// From this many days before the end, staff see the notice.
pub const NOTICE_DAYS: i64 = 90;
/// An invitation's code works this long.
pub(super) const INVITATION_SECONDS: i64 = 7 * DAY;

pub(super) fn kind_of(row: &OrganisationRow) -> OrganisationKind {
    OrganisationKind::parse(&row.kind).unwrap_or_default()
}

pub(super) fn summary(row: &OrganisationRow) -> OrganisationSummary {
    OrganisationSummary {
        id: row.id.clone(),
        name: row.name.clone(),
        kind: kind_of(row),
    }
}

pub(super) fn staff_member(user: &UserRow) -> StaffMember {
    StaffMember {
        user_id: user.id.clone(),
        name_en: user.name_en.clone(),
        email: user.email.clone(),
        user_type: user.user_type.clone(),
    }
}

fn unknown() -> ApiError {
    ApiError::new(
        404,
        "organisation_unknown",
        "There is no organisation with this ID; check the ID your school or office gave you.",
    )
}

fn invitation_gone() -> ApiError {
    ApiError::bad(
        "link_invalid",
        "This invitation has expired or was already used; ask for a new one.",
    )
}

impl ReceptionOffice {
    /// An organisation as its staff see it at the office's clock: validity and notice.
    pub(super) fn organisation_answer(&self, row: &OrganisationRow) -> Organisation {
        let today = japan_date(self.now());
        let end = parse_date(&row.valid_until).unwrap_or(today);
        let days_left = (end - today).whole_days();
        let notice = (days_left <= NOTICE_DAYS).then(|| OrganisationNotice {
            days_left,
            message_en: if days_left < 0 {
                format!("The registration of {} ended on {}; renew it at the immigration services agency.", row.name, row.valid_until)
            } else {
                format!("The registration of {} is valid until {} ({days_left} days left); renew it at the immigration services agency before then.", row.name, row.valid_until)
            },
            message_ja: if days_left < 0 {
                format!("{}の登録は{}に期限が切れました。出入国在留管理庁で更新してください。", row.name, row.valid_until)
            } else {
                format!("{}の登録の有効期限は{}です（残り{days_left}日）。期限までに出入国在留管理庁で更新してください。", row.name, row.valid_until)
            },
        });
        Organisation {
            id: row.id.clone(),
            name: row.name.clone(),
            kind: kind_of(row),
            created_at: row.created_at,
            valid_until: row.valid_until.clone(),
            expired: days_left < 0,
            notice,
        }
    }

    /// The stored organisation with this id, or `organisation_unknown`.
    pub(super) fn stored_organisation(&self, id: &str) -> Result<OrganisationRow, ApiError> {
        self.store.organisation(id.trim())?.ok_or_else(unknown)
    }

    /// `zairyu org create`: a new organisation valid three years from today (Japan): its id.
    pub fn create_organisation(
        &self,
        name: &str,
        kind: OrganisationKind,
    ) -> Result<Organisation, ApiError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(ApiError::bad(
                "bad_name",
                "An organisation's name is 1 to 100 characters.",
            ));
        }
        let now = self.now();
        let today = japan_date(now);
        let row = OrganisationRow {
            id: format!("ORG{}", random_digits(8)),
            name: name.to_owned(),
            kind: kind.as_str().to_owned(),
            created_at: now,
            valid_until: date_text(
                years_later(today, VALID_YEARS)
                    .previous_day()
                    .unwrap_or(today),
            ),
        };
        let detail = format!("organisation {} ({})", row.id, row.kind);
        self.store.atomically(&mut |s| {
            s.add_organisation(&row)?;
            s.audit(None, "operator", "create_organisation", &detail, now)
        })?;
        Ok(self.organisation_answer(&row))
    }

    /// `zairyu org list`.
    pub fn organisations(&self) -> Result<Vec<Organisation>, ApiError> {
        Ok(self
            .store
            .organisations()?
            .iter()
            .map(|o| self.organisation_answer(o))
            .collect())
    }

    /// `zairyu org show`: the organisation, its staff, open invitations, linked students.
    pub fn organisation_details(&self, id: &str) -> Result<OrganisationDetails, ApiError> {
        let row = self.stored_organisation(id)?;
        let invitations = self
            .store
            .open_invitations(&row.id, self.now())?
            .into_iter()
            .map(|i| StaffInvitation {
                organisation: summary(&row),
                email: i.email,
                expires_at: i.expires,
            })
            .collect();
        Ok(OrganisationDetails {
            organisation: self.organisation_answer(&row),
            staff: self
                .store
                .staff_of(&row.id)?
                .iter()
                .map(staff_member)
                .collect(),
            invitations,
            linked_students: self.store.linked_students(&row.id)?.len() as i64,
        })
    }

    /// `zairyu org add-staff`: an invitation valid 7 days, mailed to `email` (outbox or SMTP)
    /// with the code the staff member registers with.
    pub fn invite_staff(&self, id: &str, email: &str) -> Result<StaffInvitation, ApiError> {
        let row = self.stored_organisation(id)?;
        let email = email.trim();
        if !valid_email(email) {
            return Err(ApiError::bad(
                "bad_email",
                "Enter an e-mail address of 1-byte characters, up to 60, like name@example.jp.",
            ));
        }
        if self.organisation_answer(&row).expired {
            return Err(ApiError::forbidden_code(
                "organisation_expired",
                "The organisation's registration has ended; renew it first.",
            ));
        }
        let code = random_hex(16);
        let now = self.now();
        let expires = now + INVITATION_SECONDS;
        self.store
            .add_invitation(&hash_token(&code), &row.id, email, expires)?;
        self.store.audit(
            None,
            "operator",
            "invite_staff",
            &format!("organisation {}", row.id),
            now,
        )?;
        let attorney = matches!(kind_of(&row), OrganisationKind::AttorneyOffice);
        // No account yet: English and Japanese.
        self.send_notice(
            email,
            None,
            &Notice::StaffInvitation {
                attorney,
                organisation: &row.name,
                organisation_id: &row.id,
                code: &code,
            },
        );
        Ok(StaffInvitation {
            organisation: summary(&row),
            email: email.to_owned(),
            expires_at: expires,
        })
    }

    fn live_invitation(&self, code: &str) -> Result<InvitationRow, ApiError> {
        let found = self
            .store
            .invitation(&hash_token(code.trim()))?
            .ok_or_else(invitation_gone)?;
        if found.used || found.expires <= self.now() {
            return Err(invitation_gone());
        }
        Ok(found)
    }

    /// `POST /api/staff/invitation`: which organisation and address a code is for.
    pub fn staff_invitation(&self, code: &str) -> Result<StaffInvitation, ApiError> {
        let found = self.live_invitation(code)?;
        let row = self.stored_organisation(&found.organisation_id)?;
        Ok(StaffInvitation {
            organisation: summary(&row),
            email: found.email,
            expires_at: found.expires,
        })
    }

    /// `POST /api/staff/register`: a staff member's account from an invitation, its user type
    /// by the organisation's kind (`organisation_staff` or `attorney`), linked to it. The
    /// user ID is also mailed.
    pub fn register_staff(
        &self,
        code: &str,
        name_en: &str,
        telephone: &str,
        password: &str,
    ) -> Result<String, ApiError> {
        let found = self.live_invitation(code)?;
        let row = self.stored_organisation(&found.organisation_id)?;
        check_account_details(name_en, telephone, password)?;
        if self.store.user_by_email(&found.email)?.is_some() {
            return Err(ApiError::new(
                409,
                "email_taken",
                "An account with this e-mail address exists; use “forgot user ID”.",
            ));
        }
        let hash = hash_password(password)?;
        let user = UserRow {
            id: format!("ZR{}", random_digits(8)),
            email: found.email.clone(),
            user_type: kind_of(&row).staff_user_type().to_owned(),
            name_en: name_en.to_owned(),
            telephone: telephone.to_owned(),
            password_hash: hash,
            role: "applicant".into(),
            organisation: Some(row.id.clone()),
            cert_fingerprint: None,
            usage: None,
        };
        let now = self.now();
        let mut taken = false;
        self.store.atomically(&mut |s| {
            taken = s.take_invitation(&hash_token(code.trim()))?.is_some();
            if taken {
                s.add_user(&user, now)?;
                s.audit(
                    None,
                    &user.id,
                    "register_staff",
                    &format!("organisation {}", row.id),
                    now,
                )?;
            }
            Ok(())
        })?;
        if !taken {
            return Err(invitation_gone());
        }
        self.send_notice(
            &user.email,
            None,
            &Notice::StaffUserId {
                user_id: &user.id,
                organisation: &row.name,
            },
        );
        Ok(user.id)
    }

    /// `zairyu org remove-staff`: the account stays, but is no longer staff of the
    /// organisation, and every session of it ends at once.
    pub fn remove_staff(&self, id: &str, user_id: &str) -> Result<(), ApiError> {
        let row = self.stored_organisation(id)?;
        let user = self
            .store
            .user(user_id.trim())?
            .filter(|u| u.organisation.as_deref() == Some(row.id.as_str()))
            .ok_or_else(|| ApiError::not_found("staff member of this organisation"))?;
        let now = self.now();
        self.store.atomically(&mut |s| {
            s.set_user_organisation(&user.id, None)?;
            s.remove_other_sessions(&user.id, None)?;
            s.audit(
                None,
                "operator",
                "remove_staff",
                &format!("organisation {} staff {}", row.id, user.id),
                now,
            )
        })?;
        Ok(())
    }
}
