//! Exports for delivery: a petition's confirmed signatures and its counts per state or
//! constituency. Signatures are read in pages and written as they come, so memory stays flat
//! however many there are; names and emails go out only as far as each signer consented; every
//! export is written to the audit log.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::db::{DbConnection, audit};
use crate::refdata::INDIA;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no petition {0}")]
    UnknownPetition(i64),
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing the export: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing the export: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing the export: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsBy {
    State,
    Constituency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }
}

/// Where rows go: a CSV stream, or an XLSX workbook written row by row to a temporary file
/// (constant memory) and then to the output.
enum Sink<W: Write> {
    Csv(Box<SafeCsv<std::io::BufWriter<W>>>),
    Xlsx {
        workbook: Box<rust_xlsxwriter::Workbook>,
        row: u32,
        out: W,
    },
}

impl<W: Write> Sink<W> {
    fn new(format: Format, out: W) -> Result<Sink<W>, ExportError> {
        Ok(match format {
            Format::Xlsx => {
                let mut workbook = Box::new(rust_xlsxwriter::Workbook::new());
                workbook.add_worksheet_with_constant_memory()?;
                Sink::Xlsx {
                    workbook,
                    row: 0,
                    out,
                }
            }
            Format::Csv | Format::Json => {
                Sink::Csv(Box::new(SafeCsv::new(std::io::BufWriter::new(out))?))
            }
        })
    }

    fn row(&mut self, cells: &[&str]) -> Result<(), ExportError> {
        match self {
            Sink::Csv(w) => w.row(cells)?,
            Sink::Xlsx { workbook, row, .. } => {
                // XLSX cells written as strings are text, never formulas: nothing to neutralise.
                let sheet = workbook.worksheet_from_index(0)?;
                for (col, value) in cells.iter().enumerate() {
                    match value.parse::<i64>() {
                        Ok(n) if *row > 0 && !value.starts_with(['0', '+', '-']) => {
                            sheet.write_number(*row, col as u16, n as f64)?
                        }
                        _ => sheet.write_string(*row, col as u16, *value)?,
                    };
                }
                *row += 1;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Sink::Csv(w) => w.into_inner()?.flush()?,
            Sink::Xlsx {
                mut workbook,
                mut out,
                ..
            } => {
                let mut buffer = std::io::Cursor::new(Vec::new());
                workbook.save_to_writer(&mut buffer)?;
                out.write_all(buffer.get_ref())?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

/// Excel reads a CSV file as UTF-8 (and so shows Hindi intact) only when it starts with a BOM.
const BOM: &[u8] = b"\xEF\xBB\xBF";
const PAGE: i64 = 5_000;

/// The one way this program writes CSV: UTF-8 with a byte-order mark, and every cell through
/// `cell`, so that no value a signer or a member of staff typed can become a live formula.
pub struct SafeCsv<W: Write>(csv::Writer<W>);

impl<W: Write> SafeCsv<W> {
    pub fn new(mut out: W) -> std::io::Result<SafeCsv<W>> {
        out.write_all(BOM)?;
        Ok(SafeCsv(csv::Writer::from_writer(out)))
    }

    pub fn row<I, S>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.0
            .write_record(cells.into_iter().map(|c| cell(c.as_ref()).into_owned()))
    }

    /// Flushes what is buffered and hands back the output.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.0.into_inner().map_err(|e| e.into_error())
    }
}

/// A cell no spreadsheet will run as a formula: text that starts like one gets a leading `'`.
pub fn cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

fn require_petition(conn: &mut DbConnection, id: i64) -> Result<(), ExportError> {
    match crate::db::petitions::status_of(conn, id)? {
        Some(_) => Ok(()),
        None => Err(ExportError::UnknownPetition(id)),
    }
}

/// Writes the petition's confirmed signatures as CSV or XLSX: date, name (only where the
/// signer consented to delivery), state, constituency, and, when `with_emails` is asked for by
/// an admin, the email of signers who consented to be contacted. Returns the number of rows.
pub fn signatures(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    petition_id: i64,
    format: Format,
    with_emails: bool,
    actor: &crate::db::audit::Actor,
    out: impl Write,
) -> Result<i64, ExportError> {
    require_petition(conn, petition_id)?;
    // Noted before the first row leaves: an export cut short has still let some data out.
    let audit_id = audit::record_returning(
        conn,
        &audit::Entry {
            actor,
            action: crate::db::audit::Action::ExportSignatures,
            petition_id: Some(petition_id),
            details: serde_json::json!({ "format": format.name(), "with_emails": with_emails }),
            row_count: audit::UNFINISHED,
        },
    )?;
    let mut sink = Sink::new(format, out)?;
    let mut header = vec![
        "confirmed_at",
        "name",
        "state_code",
        "state",
        "constituency_code",
        "constituency",
        "source",
    ];
    if with_emails {
        header.push("email");
    }
    sink.row(&header)?;
    let mut last = 0i64;
    let mut rows = 0i64;
    loop {
        let page = crate::db::signatures::confirmed_after(conn, petition_id, last, PAGE)?;
        let Some(end) = page.last().map(|r| r.0) else {
            break;
        };
        for (_, name, state, pc, confirmed_at, deliver_name, updates, email, source) in &page {
            let date = confirmed_at
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            // Opened as they stream, and only what the signer agreed to let out.
            let name = if *deliver_name {
                keys.open_or_mark(name)
            } else {
                String::new()
            };
            let email = if with_emails && *updates {
                keys.open_or_mark(email)
            } else {
                String::new()
            };
            let mut record = vec![
                date.as_str(),
                name.as_str(),
                state,
                INDIA.state(state).map(|s| s.name.as_str()).unwrap_or(""),
                pc,
                INDIA
                    .constituency(pc)
                    .map(|c| c.name.as_str())
                    .unwrap_or(""),
                source.as_deref().unwrap_or(""),
            ];
            if with_emails {
                record.push(email.as_str());
            }
            sink.row(&record)?;
            rows += 1;
        }
        last = end;
    }
    sink.finish()?;
    audit::finished(conn, audit_id, rows)?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize)]
pub struct CountRow {
    pub code: String,
    pub name: String,
    pub name_hi: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub count: i64,
}

/// Every state or every constituency, zeros included, with each constituency's member.
pub fn counts(
    conn: &mut DbConnection,
    petition_id: i64,
    by: CountsBy,
) -> Result<Vec<CountRow>, ExportError> {
    require_petition(conn, petition_id)?;
    Ok(match by {
        CountsBy::State => {
            let have: HashMap<String, i64> =
                crate::db::petitions::counts_by_state(conn, petition_id)?
                    .into_iter()
                    .collect();
            INDIA
                .states
                .iter()
                .map(|s| CountRow {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    name_hi: s.name_hi.clone(),
                    state_code: None,
                    representative: None,
                    party: None,
                    count: have.get(&s.code).copied().unwrap_or(0),
                })
                .collect()
        }
        CountsBy::Constituency => {
            let have: HashMap<String, i64> =
                crate::db::petitions::counts_by_constituency(conn, petition_id)?
                    .into_iter()
                    .collect();
            let members: HashMap<String, (String, String)> = crate::db::delivery::members(conn)?
                .into_iter()
                .map(|(pc, m)| (pc, (m.name, m.party)))
                .collect();
            let mut pcs: Vec<_> = INDIA.constituencies.iter().collect();
            pcs.sort_by(|a, b| a.pc_id.cmp(&b.pc_id));
            pcs.into_iter()
                .map(|c| CountRow {
                    code: c.pc_id.clone(),
                    name: c.name.clone(),
                    name_hi: c.name_hi.clone(),
                    state_code: Some(c.state_code.clone()),
                    representative: Some(
                        members
                            .get(&c.pc_id)
                            .map(|m| m.0.clone())
                            .unwrap_or_default(),
                    ),
                    party: Some(
                        members
                            .get(&c.pc_id)
                            .map(|m| m.1.clone())
                            .unwrap_or_default(),
                    ),
                    count: have.get(&c.pc_id).copied().unwrap_or(0),
                })
                .collect()
        }
    })
}

/// Writes `counts` as CSV or JSON and records the export.
pub fn write_counts(
    conn: &mut DbConnection,
    petition_id: i64,
    by: CountsBy,
    format: Format,
    actor: &crate::db::audit::Actor,
    out: impl Write,
) -> Result<i64, ExportError> {
    let rows = counts(conn, petition_id, by)?;
    match format {
        Format::Json => {
            let mut out = std::io::BufWriter::new(out);
            serde_json::to_writer_pretty(&mut out, &rows)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Format::Csv | Format::Xlsx => {
            let mut sink = Sink::new(format, out)?;
            let mut header = vec!["code", "name", "name_hi"];
            if by == CountsBy::Constituency {
                header.extend(["state_code", "representative", "party"]);
            }
            header.push("count");
            sink.row(&header)?;
            for r in &rows {
                let count = r.count.to_string();
                let mut record = vec![r.code.as_str(), &r.name, &r.name_hi];
                if by == CountsBy::Constituency {
                    record.push(r.state_code.as_deref().unwrap_or(""));
                    record.push(r.representative.as_deref().unwrap_or(""));
                    record.push(r.party.as_deref().unwrap_or(""));
                }
                record.push(&count);
                sink.row(&record)?;
            }
            sink.finish()?;
        }
    }
    let by_name = match by {
        CountsBy::State => "state",
        CountsBy::Constituency => "constituency",
    };
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: crate::db::audit::Action::ExportCounts,
            petition_id: Some(petition_id),
            details: serde_json::json!({ "by": by_name, "format": format.name() }),
            row_count: rows.len() as i64,
        },
    )?;
    Ok(rows.len() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cell_can_start_a_formula() {
        for bad in ["=1+2", "+91", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(cell("Asha Devi"), "Asha Devi");
        assert_eq!(cell("आशा"), "आशा");
    }
}
