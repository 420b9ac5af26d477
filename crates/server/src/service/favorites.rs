//! Favorite procedures, kept on the server per account.

use super::ReceptionOffice;
use crate::error::ApiError;
use crate::store::UserRow;

impl ReceptionOffice {
    pub fn favorites(&self, user: &UserRow) -> Result<Vec<String>, ApiError> {
        Ok(self.store.favorites(&user.id)?)
    }

    pub fn set_favorite(
        &self,
        user: &UserRow,
        procedure_id: &str,
        on: bool,
    ) -> Result<Vec<String>, ApiError> {
        if zairyu_forms::procedure(procedure_id).is_none() {
            return Err(ApiError::not_found("procedure"));
        }
        self.store.set_favorite(&user.id, procedure_id, on)?;
        Ok(self.store.favorites(&user.id)?)
    }
}
