//! What differs between SQLite and PostgreSQL, in one place: how a statement marks its
//! parameters (`?1` / `$1`) and the column types of the schema (`{INT}`, `{BOOL}`, `{FALSE}`,
//! `{ID}` in the migrations). Also the few plain values that cross the [`Database`] boundary
//! ([`Param`] in, [`Cell`]s of a [`SqlRow`] out), so the statements and the row mapping are
//! written once.

use super::StoreError;

/// Which SQL a [`Database`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// A statement written for both databases, as this one reads it. Statements use `?1`, `?2`…
    /// (SQLite's numbered markers; `$1`, `$2`… for PostgreSQL) and no other `?`; the schema's
    /// type words become this database's types.
    pub fn render(self, sql: &str) -> String {
        let words: [(&str, &str); 4] = match self {
            Dialect::Sqlite => [
                ("{ID}", "INTEGER PRIMARY KEY"),
                ("{INT}", "INTEGER"),
                ("{BOOL}", "INTEGER"),
                ("{FALSE}", "0"),
            ],
            Dialect::Postgres => [
                ("{ID}", "BIGSERIAL PRIMARY KEY"),
                ("{INT}", "BIGINT"),
                ("{BOOL}", "BOOLEAN"),
                ("{FALSE}", "FALSE"),
            ],
        };
        let mut out = sql.to_owned();
        for (word, ty) in words {
            out = out.replace(word, ty);
        }
        if self == Dialect::Postgres {
            out = out.replace('?', "$");
        }
        out
    }
}

/// One parameter of a statement. A null keeps its type (PostgreSQL checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param<'a> {
    Int(Option<i64>),
    Text(Option<&'a str>),
    Bool(bool),
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(v: &'a str) -> Param<'a> {
        Param::Text(Some(v))
    }
}
impl<'a> From<&'a String> for Param<'a> {
    fn from(v: &'a String) -> Param<'a> {
        Param::Text(Some(v))
    }
}
impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(v: Option<&'a str>) -> Param<'a> {
        Param::Text(v)
    }
}
impl<'a> From<&'a Option<String>> for Param<'a> {
    fn from(v: &'a Option<String>) -> Param<'a> {
        Param::Text(v.as_deref())
    }
}
impl From<i64> for Param<'_> {
    fn from(v: i64) -> Self {
        Param::Int(Some(v))
    }
}
impl From<Option<i64>> for Param<'_> {
    fn from(v: Option<i64>) -> Self {
        Param::Int(v)
    }
}
impl From<bool> for Param<'_> {
    fn from(v: bool) -> Self {
        Param::Bool(v)
    }
}

/// One value of a result row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
}

/// One result row, read by column position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlRow(pub Vec<Cell>);

impl SqlRow {
    pub fn int(&self, column: usize) -> Result<i64, StoreError> {
        match self.0.get(column) {
            Some(Cell::Int(v)) => Ok(*v),
            _ => Err(StoreError::Column {
                column,
                expected: "an integer",
            }),
        }
    }
    pub fn text(&self, column: usize) -> Result<String, StoreError> {
        match self.opt_text(column)? {
            Some(v) => Ok(v),
            None => Err(StoreError::Column {
                column,
                expected: "a text",
            }),
        }
    }
    pub fn opt_text(&self, column: usize) -> Result<Option<String>, StoreError> {
        match self.0.get(column) {
            Some(Cell::Text(v)) => Ok(Some(v.clone())),
            Some(Cell::Null) => Ok(None),
            _ => Err(StoreError::Column {
                column,
                expected: "a text or null",
            }),
        }
    }
    pub fn opt_int(&self, column: usize) -> Result<Option<i64>, StoreError> {
        match self.0.get(column) {
            Some(Cell::Int(v)) => Ok(Some(*v)),
            Some(Cell::Null) => Ok(None),
            _ => Err(StoreError::Column {
                column,
                expected: "an integer or null",
            }),
        }
    }
    /// A yes/no column: SQLite keeps 0/1, PostgreSQL a boolean.
    pub fn flag(&self, column: usize) -> Result<bool, StoreError> {
        match self.0.get(column) {
            Some(Cell::Int(v)) => Ok(*v != 0),
            Some(Cell::Bool(v)) => Ok(*v),
            _ => Err(StoreError::Column {
                column,
                expected: "a yes/no",
            }),
        }
    }
}

/// A database the store runs its statements on. Statements arrive already rendered for
/// [`Database::dialect`].
pub trait Database: Send + Sync + std::fmt::Debug {
    fn dialect(&self) -> Dialect;
    /// Runs one statement; answers how many rows it changed.
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, StoreError>;
    /// Runs one statement and answers its rows.
    fn query(&self, sql: &str, params: &[Param<'_>]) -> Result<Vec<SqlRow>, StoreError>;
    /// Runs several statements without parameters (the migrations).
    fn batch(&self, sql: &str) -> Result<(), StoreError>;
    /// Runs `work` on one connection inside `BEGIN … COMMIT` (`ROLLBACK` when it fails); no
    /// other statement of this database runs in between.
    fn transaction(
        &self,
        work: &mut dyn FnMut(&dyn Database) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_database_reads_its_own_markers_and_types() {
        let sql =
            "CREATE TABLE t (id {ID}, n {INT}, b {BOOL} NOT NULL DEFAULT {FALSE}); SELECT ?1, ?2";
        assert_eq!(
            Dialect::Sqlite.render(sql),
            "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, b INTEGER NOT NULL DEFAULT 0); SELECT ?1, ?2"
        );
        assert_eq!(
            Dialect::Postgres.render(sql),
            "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT, b BOOLEAN NOT NULL DEFAULT FALSE); SELECT $1, $2"
        );
    }
}
