//! Who may act for whom: a student links a school or an attorney office (from the usage
//! application or My page) and may unlink it; staff of an organisation (`organisation_staff`
//! of a school, `attorney` of an attorney office) see and file exactly the applications of the
//! students linked to it, while its registration is valid. Unlinking, removing a staff member
//! or the end of the registration takes the access away at once: nothing is cached.

use super::organisations::{kind_of, summary};
use super::ReceptionOffice;
use crate::error::ApiError;
use crate::store::{ApplicationRow, OrganisationRow, UserRow};
use zairyu_wire::{
    LinkedStudent, LinkedStudents, OrganisationLink, OrganisationLinks, OrganisationSummary,
    StaffOrganisation,
};

/// The user types that work for an organisation.
pub(super) fn is_staff_type(user: &UserRow) -> bool {
    matches!(user.user_type.as_str(), "organisation_staff" | "attorney")
}

impl ReceptionOffice {
    /// The organisation `user` works for, if they are its staff now (their user type matches
    /// its kind) and its registration has not ended.
    pub(super) fn staff_organisation_of(
        &self,
        user: &UserRow,
    ) -> Result<Option<OrganisationRow>, ApiError> {
        if !is_staff_type(user) || user.role != "applicant" {
            return Ok(None);
        }
        let Some(id) = user.organisation.as_deref() else {
            return Ok(None);
        };
        Ok(self.store.organisation(id)?.filter(|o| {
            kind_of(o).staff_user_type() == user.user_type && !self.organisation_answer(o).expired
        }))
    }

    /// The staff member's organisation, or `not_staff` / `organisation_expired` (403).
    pub(super) fn require_staff(&self, user: &UserRow) -> Result<OrganisationRow, ApiError> {
        if let Some(org) = self.staff_organisation_of(user)? {
            return Ok(org);
        }
        let ended = is_staff_type(user)
            && user
                .organisation
                .as_deref()
                .map(|id| self.store.organisation(id))
                .transpose()?
                .flatten()
                .is_some_and(|o| self.organisation_answer(&o).expired);
        Err(if ended {
            ApiError::forbidden_code(
                "organisation_expired",
                "Your organisation's registration has ended; it must be renewed first.",
            )
        } else {
            ApiError::forbidden_code(
                "not_staff",
                "Only staff of a registered school or attorney office can do this.",
            )
        })
    }

    /// Staff may see (and act on) `app`: its applicant is linked to their organisation now.
    pub(super) fn staff_may_see(
        &self,
        user: &UserRow,
        app: &ApplicationRow,
    ) -> Result<bool, ApiError> {
        Ok(match self.staff_organisation_of(user)? {
            Some(org) => self.store.is_linked(&app.user_id, &org.id)?,
            None => false,
        })
    }

    /// `GET /api/staff/organisation`.
    pub fn staff_organisation(&self, user: &UserRow) -> Result<StaffOrganisation, ApiError> {
        // An ended registration still shows its notice to its staff.
        let org = match self.require_staff(user) {
            Ok(org) => org,
            Err(e) if e.code == "organisation_expired" => {
                self.stored_organisation(user.organisation.as_deref().unwrap_or_default())?
            }
            Err(e) => return Err(e),
        };
        Ok(StaffOrganisation {
            organisation: self.organisation_answer(&org),
            staff: super::organisations::staff_member(user),
        })
    }

    /// `GET /api/staff/students`: the students staff may file for.
    pub fn linked_students(&self, user: &UserRow) -> Result<LinkedStudents, ApiError> {
        let org = self.require_staff(user)?;
        Ok(LinkedStudents {
            students: self
                .store
                .linked_students(&org.id)?
                .into_iter()
                .map(|l| LinkedStudent {
                    usage_application_done: l.user.cert_fingerprint.is_some(),
                    user_id: l.user.id,
                    name_en: l.user.name_en,
                    linked_at: l.linked_at,
                })
                .collect(),
        })
    }

    /// `GET /api/organisations/{id}`: an organisation's name and kind, for a signed-in user
    /// about to link it.
    pub fn organisation_summary(&self, id: &str) -> Result<OrganisationSummary, ApiError> {
        Ok(summary(&self.stored_organisation(id)?))
    }

    /// `GET /api/me/organisations`.
    pub fn links(&self, user: &UserRow) -> Result<OrganisationLinks, ApiError> {
        let mut links = Vec::new();
        for (id, linked_at) in self.store.links_of(&user.id)? {
            if let Some(org) = self.store.organisation(&id)? {
                links.push(OrganisationLink {
                    organisation: summary(&org),
                    linked_at,
                });
            }
        }
        Ok(OrganisationLinks { links })
    }

    fn require_student(user: &UserRow) -> Result<(), ApiError> {
        if is_staff_type(user) || user.role != "applicant" {
            return Err(ApiError::forbidden_code(
                "not_a_student",
                "Only an applicant's own account links a school or attorney office.",
            ));
        }
        Ok(())
    }

    /// `POST /api/me/organisations`: links the student (again: nothing changes). Audited.
    pub fn link_organisation(
        &self,
        user: &UserRow,
        organisation_id: &str,
    ) -> Result<OrganisationLinks, ApiError> {
        Self::require_student(user)?;
        let org = self.stored_organisation(organisation_id)?;
        if self.organisation_answer(&org).expired {
            return Err(ApiError::forbidden_code(
                "organisation_expired",
                "This organisation's registration has ended; it cannot be linked.",
            ));
        }
        let now = self.now();
        self.store.atomically(&mut |s| {
            s.link(&user.id, &org.id, now)?;
            s.audit(None, &user.id, "link_organisation", &org.id, now)
        })?;
        self.links(user)
    }

    /// `DELETE /api/me/organisations/{id}`: the organisation's staff lose access at once.
    pub fn unlink_organisation(
        &self,
        user: &UserRow,
        organisation_id: &str,
    ) -> Result<OrganisationLinks, ApiError> {
        Self::require_student(user)?;
        let now = self.now();
        let mut removed = false;
        self.store.atomically(&mut |s| {
            removed = s.unlink(&user.id, organisation_id.trim())?;
            if removed {
                s.audit(
                    None,
                    &user.id,
                    "unlink_organisation",
                    organisation_id.trim(),
                    now,
                )?;
            }
            Ok(())
        })?;
        if !removed {
            return Err(ApiError::not_found("link to this organisation"));
        }
        self.links(user)
    }

    /// `POST /api/usage` with `organisation_id`: the organisation is looked up before the
    /// challenge is used, then linked once the card is bound.
    pub fn usage_apply_and_link(
        &self,
        user: &UserRow,
        nonce: &str,
        certificate: &str,
        signature: &str,
        info: &serde_json::Value,
        organisation_id: Option<&str>,
    ) -> Result<(), ApiError> {
        let organisation = organisation_id
            .filter(|id| !id.trim().is_empty())
            .map(|id| {
                Self::require_student(user)?;
                self.stored_organisation(id)
            })
            .transpose()?;
        self.usage_apply(user, nonce, certificate, signature, info)?;
        if let Some(org) = organisation {
            self.link_organisation(user, &org.id)?;
        }
        Ok(())
    }

    /// The applicant of a proxy filing: a student linked to the sender's organisation now.
    pub(super) fn linked_applicant(
        &self,
        sender: &UserRow,
        student_id: &str,
    ) -> Result<(UserRow, OrganisationRow), ApiError> {
        let org = self.require_staff(sender)?;
        let student = self
            .store
            .user(student_id.trim())?
            .filter(|s| !is_staff_type(s) && s.role == "applicant");
        match student {
            Some(student) if self.store.is_linked(&student.id, &org.id)? => Ok((student, org)),
            _ => Err(ApiError::forbidden_code(
                "not_linked",
                "This student has not linked your organisation; they link it on My page.",
            )),
        }
    }
}
