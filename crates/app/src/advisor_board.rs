//! The advisor's board (counter-app, issue 14): one page of the organisation's students'
//! applications, most urgent first as the server sorts them (`GET /api/staff/board`), searched
//! and filtered there; opening a row reads the Application Details the server answers staff
//! for a linked student (`application_details`).

use zairyu_wire::{BoardPage, BoardQuery};

use crate::{App, AppError};

/// The query string of a board request: only what is set.
pub(crate) fn board_query_string(query: &BoardQuery) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    if let Some(page) = query.page {
        out.append_pair("page", &page.to_string());
    }
    if let Some(size) = query.page_size {
        out.append_pair("page_size", &size.to_string());
    }
    if let Some(search) = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        out.append_pair("search", search);
    }
    if let Some(status) = query.status {
        out.append_pair("status", status.as_str());
    }
    if let Some(procedure) = query.procedure.as_deref().filter(|p| !p.is_empty()) {
        out.append_pair("procedure", procedure);
    }
    out.finish()
}

impl App {
    /// One page of the board of the signed-in staff member's organisation.
    pub fn advisor_board(&self, query: &BoardQuery) -> Result<BoardPage, AppError> {
        let token = self.session_vault().load().ok_or(AppError::NotSignedIn)?;
        self.reception()?.board(&token, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zairyu_wire::ApplicationStatus;

    #[test]
    fn the_query_carries_only_what_is_set() {
        assert_eq!(board_query_string(&BoardQuery::default()), "");
        let q = BoardQuery {
            page: Some(3),
            page_size: Some(50),
            search: Some(" lan ab12 ".into()),
            status: Some(ApplicationStatus::InReturnProcess),
            procedure: Some(String::new()),
        };
        assert_eq!(
            board_query_string(&q),
            "page=3&page_size=50&search=lan+ab12&status=in_return_process"
        );
    }
}
