//! Members of the Lok Sabha as recipients: loading a whole list from a CSV file, all or nothing,
//! with every rejected row named and why.

use std::collections::HashSet;

use diesel::Connection;

use crate::db::{DbConnection, audit, now};
use crate::domain::EmailAddress;
use crate::refdata::INDIA;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub pc_id: String,
    pub name: String,
    pub party: String,
    pub email: Option<String>,
    pub postal_address: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "nothing imported; {} row(s) refused:\n{}",
        .0.len(),
        .0.iter().map(|(row, why)| format!("  row {row}: {why}")).collect::<Vec<_>>().join("\n")
    )]
    Rejected(Vec<(usize, String)>),
    #[error("reading the file: {0}")]
    Csv(#[from] csv::Error),
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
}

/// Reads and checks every row; any bad row rejects the file. Columns: `pc_id`, `name` (or
/// `mp_name`, as in the PRS data), and optionally `party`, `email`, `postal_address`.
pub fn parse(input: impl std::io::Read) -> Result<Vec<Representative>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers = reader.headers()?.clone();
    let column = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&h.trim_start_matches('\u{feff}')))
    };
    let (Some(pc), Some(name)) = (column(&["pc_id"]), column(&["name", "mp_name"])) else {
        return Err(ImportError::Rejected(vec![(
            1,
            "the header needs the columns pc_id and name".into(),
        )]));
    };
    let (party, email, address) = (
        column(&["party"]),
        column(&["email"]),
        column(&["postal_address"]),
    );
    let mut rejected = Vec::new();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2; // the header is row 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                rejected.push((row, format!("unreadable: {e}")));
                continue;
            }
        };
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").to_string();
        let r = Representative {
            pc_id: get(Some(pc)),
            name: get(Some(name)),
            party: get(party),
            email: Some(get(email)).filter(|e| !e.is_empty()),
            postal_address: Some(get(address)).filter(|a| !a.is_empty()),
        };
        let why = if INDIA.constituency(&r.pc_id).is_none() {
            Some(format!("unknown constituency {:?}", r.pc_id))
        } else if !seen.insert(r.pc_id.clone()) {
            Some(format!("{} appears twice", r.pc_id))
        } else if r.name.is_empty() || r.name.chars().count() > 200 {
            Some("a name of 1 to 200 characters is needed".into())
        } else if r.name.starts_with(['=', '+', '-', '@']) {
            Some("a name cannot start with =, +, - or @".into())
        } else if let Some(e) = &r.email
            && EmailAddress::parse(e).is_err()
        {
            Some(format!("{e:?} is not an email address"))
        } else {
            None
        };
        match why {
            Some(why) => rejected.push((row, why)),
            None => out.push(r),
        }
    }
    if rejected.is_empty() {
        Ok(out)
    } else {
        Err(ImportError::Rejected(rejected))
    }
}

/// Creates or replaces each listed member in one transaction, and audits the import.
pub fn import(
    conn: &mut DbConnection,
    list: &[Representative],
    actor: &crate::db::audit::Actor,
    file: &str,
) -> Result<usize, ImportError> {
    conn.transaction(|conn| {
        let at = now();
        for r in list {
            let member = crate::db::delivery::Member {
                name: r.name.clone(),
                party: r.party.clone(),
                email: r.email.clone(),
                postal_address: r.postal_address.clone(),
            };
            crate::db::delivery::upsert_member(conn, &r.pc_id, &member, at)?;
        }
        audit::record(
            conn,
            &audit::Entry {
                actor,
                action: crate::db::audit::Action::ImportRepresentatives,
                petition_id: None,
                details: serde_json::json!({ "file": file }),
                row_count: list.len() as i64,
            },
        )?;
        Ok(list.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_row_is_named_with_its_reason() {
        let file = "pc_id,name,party,email\n\
                    S24-77,Narendra Modi,BJP,\n\
                    S99-99,Nobody,,\n\
                    S24-77,Again,,\n\
                    U05-04,,,\n\
                    U05-03,=cmd,,\n\
                    U05-02,Real Name,,not-an-email\n";
        let Err(ImportError::Rejected(rows)) = parse(file.as_bytes()) else {
            panic!("the file is refused");
        };
        let named: Vec<usize> = rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(named, [3, 4, 5, 6, 7]);
        assert!(rows[0].1.contains("unknown constituency"));
        assert!(rows[1].1.contains("twice"));
    }

    #[test]
    fn reads_the_prs_columns_too() {
        let file =
            "pc_id,state_iso,mp_name,party\nS24-77,IN-UP,Narendra Modi,Bharatiya Janata Party\n";
        let list = parse(file.as_bytes()).unwrap();
        assert_eq!(list[0].name, "Narendra Modi");
        assert_eq!(list[0].email, None);
    }
}
