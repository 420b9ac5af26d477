//! The organisations' part of the store, written once for both databases like
//! `queries.rs`: organisations (schools, attorney offices), staff invitations, staff
//! membership (`users.organisation`), the students' links, the bound certificate's last
//! moment, and what the advisor's board reads in a few statements.

use super::queries::{first, rows, run};
use super::schema::{self, APPLICATION_COLUMNS, USER_COLUMNS};
use super::{ApplicationRow, Database, Param, SqlRow, StoreError, UserRow};

macro_rules! params {
    ($($p:expr),* $(,)?) => { &[$(Param::from($p)),*] };
}

/// An organisation, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRow {
    /// `ORG` and eight digits.
    pub id: String,
    pub name: String,
    /// `school` | `attorney_office`
    pub kind: String,
    pub created_at: i64,
    /// `YYYY-MM-DD`, the last day the registration is valid.
    pub valid_until: String,
}

/// A staff invitation, as stored (the code only as its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub organisation_id: String,
    pub email: String,
    pub expires: i64,
    pub used: bool,
}

/// A student linked to an organisation: the account, when it linked, and the end of its
/// bound certificate (Unix seconds), if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedRow {
    pub user: UserRow,
    pub linked_at: i64,
    pub cert_not_after: Option<i64>,
}

/// Everything the store keeps about organisations; implemented once for every [`Database`].
pub trait OrganisationStore {
    fn add_organisation(&self, org: &OrganisationRow) -> Result<(), StoreError>;
    fn organisation(&self, id: &str) -> Result<Option<OrganisationRow>, StoreError>;
    /// Every organisation, oldest first.
    fn organisations(&self) -> Result<Vec<OrganisationRow>, StoreError>;
    fn add_invitation(
        &self,
        code_hash: &str,
        organisation_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError>;
    fn invitation(&self, code_hash: &str) -> Result<Option<InvitationRow>, StoreError>;
    /// Marks the invitation used and answers it, if it was unused (once only, even when two
    /// registrations race).
    fn take_invitation(&self, code_hash: &str) -> Result<Option<InvitationRow>, StoreError>;
    /// The unused invitations of an organisation that have not expired at `now`.
    fn open_invitations(
        &self,
        organisation_id: &str,
        now: i64,
    ) -> Result<Vec<InvitationRow>, StoreError>;
    /// The staff of an organisation (accounts whose `organisation` it is).
    fn staff_of(&self, organisation_id: &str) -> Result<Vec<UserRow>, StoreError>;
    /// Makes `user_id` staff of `organisation` (or of none).
    fn set_user_organisation(
        &self,
        user_id: &str,
        organisation: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Links a student; linking again keeps the first time.
    fn link(&self, user_id: &str, organisation_id: &str, now: i64) -> Result<(), StoreError>;
    /// Answers whether there was a link to remove.
    fn unlink(&self, user_id: &str, organisation_id: &str) -> Result<bool, StoreError>;
    /// (organisation id, linked at) of a student, oldest link first.
    fn links_of(&self, user_id: &str) -> Result<Vec<(String, i64)>, StoreError>;
    fn is_linked(&self, user_id: &str, organisation_id: &str) -> Result<bool, StoreError>;
    /// The students linked to an organisation, by name.
    fn linked_students(&self, organisation_id: &str) -> Result<Vec<LinkedRow>, StoreError>;
    /// The applications of the students linked to an organisation (without versions), newest
    /// first.
    fn organisation_applications(
        &self,
        organisation_id: &str,
    ) -> Result<Vec<ApplicationRow>, StoreError>;
    /// The newest version's form of each application of the students linked to an
    /// organisation: (application id, form).
    fn organisation_newest_forms(
        &self,
        organisation_id: &str,
    ) -> Result<Vec<(i64, serde_json::Value)>, StoreError>;
    /// The last moment (Unix seconds) of the certificate bound to `user_id`.
    fn set_certificate_end(&self, user_id: &str, not_after: i64) -> Result<(), StoreError>;
}

fn organisation_row(r: &SqlRow) -> Result<OrganisationRow, StoreError> {
    Ok(OrganisationRow {
        id: r.text(0)?,
        name: r.text(1)?,
        kind: r.text(2)?,
        created_at: r.int(3)?,
        valid_until: r.text(4)?,
    })
}

fn invitation_row(r: &SqlRow) -> Result<InvitationRow, StoreError> {
    Ok(InvitationRow {
        organisation_id: r.text(0)?,
        email: r.text(1)?,
        expires: r.int(2)?,
        used: r.flag(3)?,
    })
}

const ORGANISATION_COLUMNS: &str = "id, name, kind, created_at, valid_until";
const INVITATION_COLUMNS: &str = "organisation_id, email, expires, used";

impl<D: Database> OrganisationStore for D {
    fn add_organisation(&self, o: &OrganisationRow) -> Result<(), StoreError> {
        run(
            self,
            &format!(
                "INSERT INTO organisations ({ORGANISATION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"
            ),
            params![&o.id, &o.name, &o.kind, o.created_at, &o.valid_until],
        )
    }
    fn organisation(&self, id: &str) -> Result<Option<OrganisationRow>, StoreError> {
        first(
            self,
            &format!("SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = ?1"),
            params![id],
        )?
        .map(|r| organisation_row(&r))
        .transpose()
    }
    fn organisations(&self) -> Result<Vec<OrganisationRow>, StoreError> {
        rows(
            self,
            &format!("SELECT {ORGANISATION_COLUMNS} FROM organisations ORDER BY created_at, id"),
            &[],
        )?
        .iter()
        .map(organisation_row)
        .collect()
    }
    fn add_invitation(
        &self,
        code_hash: &str,
        organisation_id: &str,
        email: &str,
        expires: i64,
    ) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO staff_invitations (code_hash, organisation_id, email, expires) VALUES (?1, ?2, ?3, ?4)",
            params![code_hash, organisation_id, email, expires],
        )
    }
    fn invitation(&self, code_hash: &str) -> Result<Option<InvitationRow>, StoreError> {
        first(
            self,
            &format!("SELECT {INVITATION_COLUMNS} FROM staff_invitations WHERE code_hash = ?1"),
            params![code_hash],
        )?
        .map(|r| invitation_row(&r))
        .transpose()
    }
    fn take_invitation(&self, code_hash: &str) -> Result<Option<InvitationRow>, StoreError> {
        first(
            self,
            &format!("UPDATE staff_invitations SET used = TRUE WHERE code_hash = ?1 AND NOT used RETURNING {INVITATION_COLUMNS}"),
            params![code_hash],
        )?
        .map(|r| invitation_row(&r))
        .transpose()
    }
    fn open_invitations(
        &self,
        organisation_id: &str,
        now: i64,
    ) -> Result<Vec<InvitationRow>, StoreError> {
        rows(
            self,
            &format!("SELECT {INVITATION_COLUMNS} FROM staff_invitations WHERE organisation_id = ?1 AND NOT used AND expires > ?2 ORDER BY expires"),
            params![organisation_id, now],
        )?
        .iter()
        .map(invitation_row)
        .collect()
    }
    fn staff_of(&self, organisation_id: &str) -> Result<Vec<UserRow>, StoreError> {
        rows(
            self,
            &format!("SELECT {USER_COLUMNS} FROM users WHERE organisation = ?1 ORDER BY id"),
            params![organisation_id],
        )?
        .iter()
        .map(schema::user)
        .collect()
    }
    fn set_user_organisation(
        &self,
        user_id: &str,
        organisation: Option<&str>,
    ) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET organisation = ?2 WHERE id = ?1",
            params![user_id, organisation],
        )
    }
    fn link(&self, user_id: &str, organisation_id: &str, now: i64) -> Result<(), StoreError> {
        run(
            self,
            "INSERT INTO organisation_links (user_id, organisation_id, linked_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            params![user_id, organisation_id, now],
        )
    }
    fn unlink(&self, user_id: &str, organisation_id: &str) -> Result<bool, StoreError> {
        Ok(first(
            self,
            "DELETE FROM organisation_links WHERE user_id = ?1 AND organisation_id = ?2 RETURNING user_id",
            params![user_id, organisation_id],
        )?
        .is_some())
    }
    fn links_of(&self, user_id: &str) -> Result<Vec<(String, i64)>, StoreError> {
        rows(
            self,
            "SELECT organisation_id, linked_at FROM organisation_links WHERE user_id = ?1 ORDER BY linked_at, organisation_id",
            params![user_id],
        )?
        .iter()
        .map(|r| Ok((r.text(0)?, r.int(1)?)))
        .collect()
    }
    fn is_linked(&self, user_id: &str, organisation_id: &str) -> Result<bool, StoreError> {
        Ok(first(
            self,
            "SELECT 1 FROM organisation_links WHERE user_id = ?1 AND organisation_id = ?2",
            params![user_id, organisation_id],
        )?
        .is_some())
    }
    fn linked_students(&self, organisation_id: &str) -> Result<Vec<LinkedRow>, StoreError> {
        let columns: String = USER_COLUMNS
            .split(", ")
            .map(|c| format!("u.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        rows(
            self,
            &format!(
                "SELECT {columns}, l.linked_at, u.cert_not_after FROM organisation_links l
                 JOIN users u ON u.id = l.user_id WHERE l.organisation_id = ?1 ORDER BY u.name_en, u.id"
            ),
            params![organisation_id],
        )?
        .iter()
        .map(|r| {
            let n = USER_COLUMNS.split(", ").count();
            Ok(LinkedRow {
                user: schema::user(r)?,
                linked_at: r.int(n)?,
                cert_not_after: r.opt_int(n + 1)?,
            })
        })
        .collect()
    }
    fn organisation_applications(
        &self,
        organisation_id: &str,
    ) -> Result<Vec<ApplicationRow>, StoreError> {
        rows(
            self,
            &format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications WHERE user_id IN
                   (SELECT user_id FROM organisation_links WHERE organisation_id = ?1)
                 ORDER BY created_at DESC, id DESC"
            ),
            params![organisation_id],
        )?
        .iter()
        .map(schema::application)
        .collect()
    }
    fn organisation_newest_forms(
        &self,
        organisation_id: &str,
    ) -> Result<Vec<(i64, serde_json::Value)>, StoreError> {
        rows(
            self,
            "SELECT v.application_id, v.form FROM versions v JOIN applications a ON a.id = v.application_id
             WHERE a.user_id IN (SELECT user_id FROM organisation_links WHERE organisation_id = ?1)
               AND v.version = (SELECT MAX(w.version) FROM versions w WHERE w.application_id = v.application_id)",
            params![organisation_id],
        )?
        .iter()
        .map(|r| Ok((r.int(0)?, serde_json::from_str(&r.text(1)?).unwrap_or_default())))
        .collect()
    }
    fn set_certificate_end(&self, user_id: &str, not_after: i64) -> Result<(), StoreError> {
        run(
            self,
            "UPDATE users SET cert_not_after = ?2 WHERE id = ?1",
            params![user_id, not_after],
        )
    }
}
