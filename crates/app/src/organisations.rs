//! Schools and attorney offices (issue 14), the app's side with no screen of its own yet: the
//! student links or unlinks one (My page; the usage application links the organisation ID
//! typed in `UsageInfo::organisation`), a staff member registers with the code of their
//! invitation, and staff read their organisation (its validity and notice), their students
//! and the advisor's board. Every call goes through [`crate::reception_client`]; the server
//! decides who may see what.

use zairyu_wire::{
    BoardPage, BoardQuery, LinkedStudents, OrganisationLinks, OrganisationSummary, StaffInvitation,
    StaffOrganisation, StaffRegistrationRequest,
};

use crate::error::AppError;
use crate::{App, SecretText};

impl App {
    /// An organisation's name and kind by its ID, to show before linking it.
    pub fn organisation(&self, id: &str) -> Result<OrganisationSummary, AppError> {
        self.reception()?.organisation(&self.token()?, id)
    }

    /// The schools and attorney offices the signed-in student is linked to.
    pub fn my_organisations(&self) -> Result<OrganisationLinks, AppError> {
        self.reception()?.my_organisations(&self.token()?)
    }

    /// Links the signed-in student to an organisation (its staff then see their applications).
    pub fn link_organisation(&self, id: &str) -> Result<OrganisationLinks, AppError> {
        self.reception()?.link_organisation(&self.token()?, id)
    }

    /// Unlinks: the organisation's staff lose access at once.
    pub fn unlink_organisation(&self, id: &str) -> Result<OrganisationLinks, AppError> {
        self.reception()?.unlink_organisation(&self.token()?, id)
    }

    /// Which organisation and address an invitation code is for (no sign-in).
    pub fn staff_invitation(&self, code: &str) -> Result<StaffInvitation, AppError> {
        self.reception()?.staff_invitation(code.trim())
    }

    /// A staff member's account from their invitation: the new user ID (also mailed).
    pub fn register_staff(
        &self,
        code: &str,
        name_en: &str,
        telephone: &str,
        password: &SecretText,
    ) -> Result<String, AppError> {
        self.reception()?.register_staff(&StaffRegistrationRequest {
            code: code.trim().to_owned(),
            name_en: name_en.trim().to_owned(),
            telephone: telephone.trim().to_owned(),
            password: password.expose().to_owned(),
        })
    }

    /// The signed-in staff member's organisation: validity and, near its end, the notice.
    pub fn staff_organisation(&self) -> Result<StaffOrganisation, AppError> {
        self.reception()?.staff_organisation(&self.token()?)
    }

    /// The students linked to the staff member's organisation (whom they may file for).
    pub fn linked_students(&self) -> Result<LinkedStudents, AppError> {
        self.reception()?.linked_students(&self.token()?)
    }

    /// One page of the advisor's board.
    pub fn board(&self, query: &BoardQuery) -> Result<BoardPage, AppError> {
        self.reception()?.board(&self.token()?, query)
    }
}
