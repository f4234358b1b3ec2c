//! Delivering a petition: a pack for each member of the Lok Sabha (a letter by name, the
//! petition, their constituents' count and the names of those who consented to delivery) and a
//! pack for the ministry (totals, tables by state and constituency, signatures over time); the
//! letter templates staff edit; sending packs through the outbox with per-recipient tracking.
//!
//! Counts are taken from the signatures themselves (confirmed only), not from the running
//! tallies, so a pack's figures and its list of names always agree.

mod letters;
mod map;
pub mod pdf;
pub mod recipients;
pub mod send;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDateTime;

use crate::db::delivery::confirmed_by_constituency;
pub use crate::db::delivery::{Member, RecipientRow, members, names, template};
use crate::db::petitions::{self, Petition};
use crate::db::{DbConnection, audit};
use crate::domain::Status;
use crate::i18n::{Arg, Lang};
use crate::refdata::INDIA;
use crate::views::petition::{constituency_name, state_name};
pub use letters::{PLACEHOLDERS, fill, letter_field, save_templates};
use pdf::{Block, Doc};

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("no petition {0}")]
    UnknownPetition(i64),
    #[error("no constituency {0:?}")]
    UnknownConstituency(String),
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
    #[error("writing the packs: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing the index: {0}")]
    Csv(#[from] csv::Error),
    #[error("making the PDF: {0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("database connection: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
}

/// Where a long run of packs gets its database connection: one held throughout (the command
/// line, which has nothing else to do with it), or one taken from the pool for each query and
/// given back while the PDF renders, so a job on the server holds no connection for its minutes.
pub enum Db<'a> {
    Held(&'a mut DbConnection),
    Pool(&'a crate::db::DbPool),
}

impl Db<'_> {
    pub fn with<T>(
        &mut self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, DeliveryError>,
    ) -> Result<T, DeliveryError> {
        match self {
            Db::Held(conn) => f(conn),
            Db::Pool(pool) => f(&mut *pool.get()?),
        }
    }
}

/// Everything the packs of one petition need, read once.
pub struct Plan {
    pub petition: Petition,
    pub lang: Lang,
    pub national: i64,
    pub by_state: HashMap<String, i64>,
    pub by_constituency: HashMap<String, i64>,
    pub members: HashMap<String, Member>,
    pub template: String,
    pub today: chrono::NaiveDate,
    /// The keys signers' names are sealed with: packs open them as they are written.
    pub keys: crate::seal::Keys,
}

pub fn plan(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    petition_id: i64,
    lang: Lang,
) -> Result<Plan, DeliveryError> {
    let petition = petitions::find_any(conn, petition_id)?
        .filter(|p| matches!(p.status(), Status::Open | Status::Closed))
        .ok_or(DeliveryError::UnknownPetition(petition_id))?;
    let by_constituency = confirmed_by_constituency(conn, petition_id)?;
    // A signature's state is its constituency's (the sign form checks it): summed, not counted
    // again over every signature.
    let mut by_state: HashMap<String, i64> = HashMap::new();
    for (pc, n) in &by_constituency {
        if let Some(c) = INDIA.constituency(pc) {
            *by_state.entry(c.state_code.clone()).or_default() += n;
        }
    }
    Ok(Plan {
        national: by_constituency.values().sum(),
        petition,
        lang,
        by_state,
        by_constituency,
        members: members(conn)?,
        template: template(conn, lang)?,
        today: crate::db::petitions::india_today(),
        keys: keys.clone(),
    })
}

impl Plan {
    /// A moment stored in UTC as India's date, in words in the pack's language.
    fn date(&self, d: Option<NaiveDateTime>) -> String {
        d.map(|d| self.lang.day_of(d)).unwrap_or_default()
    }

    fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    fn n(&self, n: i64) -> String {
        self.lang.number(n)
    }

    fn title(&self) -> &str {
        &self.petition.text(self.lang).title
    }

    /// A constituency's name, its state's code and its state's name, in the pack's language.
    fn constituency_name(&self, pc_id: &str) -> (String, String, String) {
        let state_code = INDIA
            .constituency(pc_id)
            .map(|c| c.state_code.clone())
            .unwrap_or_default();
        let state = state_name(self.lang, &state_code);
        (constituency_name(self.lang, pc_id), state_code, state)
    }

    /// The span the petition ran, as a sentence reads it in each language: "3 December 2026 to
    /// 1 June 2027", or "since 3 December 2026, still open" (the pack is dated at its top).
    fn ran(&self) -> String {
        let row = &self.petition.row;
        match row.closed_at {
            Some(c) => self.lang.ta(
                "pack-ran-closed",
                &[
                    ("opened", Arg::Str(self.date(row.opened_at))),
                    ("closed", Arg::Str(self.date(Some(c)))),
                ],
            ),
            None => self.lang.ta(
                "pack-ran-open",
                &[("opened", Arg::Str(self.date(row.opened_at)))],
            ),
        }
    }

    fn petition_text(&self) -> Vec<Block> {
        let text = self.petition.text(self.lang);
        let mut blocks = vec![
            Block::Heading(self.t("pack-petition-asks")),
            Block::Para(text.action.clone()),
            Block::Heading(self.t("pack-petition-why")),
        ];
        let why = crate::markdown::to_plain(&text.background);
        blocks.extend(why.split("\n\n").map(|p| Block::Para(p.to_string())));
        blocks
    }

    /// The pack for the member of one constituency.
    pub fn constituency_doc(&self, pc_id: &str, names: Vec<String>) -> Result<Doc, DeliveryError> {
        if INDIA.constituency(pc_id).is_none() {
            return Err(DeliveryError::UnknownConstituency(pc_id.to_string()));
        }
        let (pc_name, state_code, state_name) = self.constituency_name(pc_id);
        let member = self.members.get(pc_id).cloned().unwrap_or_default();
        // In Hindi and Bengali the member's name is in the reader's script where the member list
        // has it, a transliteration: the address gives the official (Latin) spelling beside it.
        let in_script = Some(crate::refdata::member_name_in(
            self.lang,
            pc_id,
            &member.name,
        ))
        .filter(|n| *n != member.name);
        let member_name = if member.name.is_empty() {
            self.t("pack-member-vacant")
        } else {
            in_script.clone().unwrap_or_else(|| member.name.clone())
        };
        let count = self.by_constituency.get(pc_id).copied().unwrap_or(0);
        let state_count = self.by_state.get(&state_code).copied().unwrap_or(0);
        let letter = fill(
            &self.template,
            &[
                ("{member}", member_name.clone()),
                ("{constituency}", pc_name.clone()),
                ("{state}", state_name.clone()),
                ("{count}", self.n(count)),
                ("{state_count}", self.n(state_count)),
                ("{national_count}", self.n(self.national)),
                ("{title}", self.title().to_string()),
                ("{action}", self.petition.text(self.lang).action.clone()),
                ("{opened}", self.date(self.petition.row.opened_at)),
            ],
        );
        let mut address = vec![match in_script {
            Some(shown) => format!("{shown} ({})", member.name),
            None => member_name.clone(),
        }];
        address.push(self.lang.ta(
            "pack-member-of",
            &[
                ("constituency", Arg::Str(pc_name.clone())),
                ("state", Arg::Str(state_name.clone())),
            ],
        ));
        if !member.party.is_empty() {
            address.push(crate::refdata::party_name(self.lang, &member.party));
        }
        if let Some(a) = member
            .postal_address
            .as_ref()
            .filter(|a| !a.trim().is_empty())
        {
            address.push(a.clone());
        }
        let mut blocks = vec![
            Block::Small(self.lang.date(self.today)),
            Block::Small(address.join("\n")),
            Block::Title(self.title().to_string()),
        ];
        blocks.extend(
            letter
                .split("\n\n")
                .map(|p| Block::Para(p.trim().to_string())),
        );
        blocks.push(Block::Figures(vec![
            (
                self.lang.ta(
                    "pack-from-constituency",
                    &[("constituency", Arg::Str(pc_name.clone()))],
                ),
                self.n(count),
            ),
            (
                self.lang.ta(
                    "pack-from-state",
                    &[("state", Arg::Str(state_name.clone()))],
                ),
                self.n(state_count),
            ),
            (self.t("pack-national"), self.n(self.national)),
            (self.t("pack-ran"), self.ran()),
        ]));
        blocks.extend(self.petition_text());
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(self.lang.ta(
            "pack-names-heading",
            &[
                ("constituency", Arg::Str(pc_name.clone())),
                ("count", Arg::Num(names.len() as i64)),
            ],
        )));
        if names.is_empty() {
            blocks.push(Block::Para(self.t("pack-names-none")));
        } else {
            blocks.push(Block::Small(self.t("pack-names-note")));
            blocks.push(Block::Names(names));
        }
        Ok(Doc {
            title: format!("{} · {pc_name}", self.title()),
            lang: self.lang.code().into(),
            footer: format!("{} · {pc_name} · {}", self.title(), self.t("site-name")),
            blocks,
        })
    }

    /// The pack for the ministry: the national picture.
    pub fn ministry_doc(&self, per_day: Vec<(chrono::NaiveDate, i64)>) -> Doc {
        let mut states: Vec<(&String, &i64)> = self.by_state.iter().collect();
        states.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut pcs: Vec<(&String, &i64)> = self.by_constituency.iter().collect();
        pcs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let recipients: Vec<String> = self
            .petition
            .recipients
            .iter()
            .filter(|r| r.kind == "ministry")
            .map(|r| r.name_in(self.lang).to_string())
            .collect();
        let mut blocks = vec![
            Block::Small(self.lang.date(self.today)),
            Block::Small(recipients.join("\n")),
            Block::Title(self.title().to_string()),
            Block::Para(self.lang.ta(
                "pack-ministry-intro",
                &[
                    ("count", Arg::Num(self.national)),
                    ("title", Arg::Str(self.title().to_string())),
                ],
            )),
            Block::Figures(vec![
                (self.t("pack-national"), self.n(self.national)),
                (self.t("pack-states-with"), self.n(states.len() as i64)),
                (self.t("pack-constituencies-with"), self.n(pcs.len() as i64)),
                (self.t("pack-ran"), self.ran()),
            ]),
            Block::BarChart {
                title: self.t("pack-per-day"),
                days: per_day,
            },
            self.map(),
        ];
        blocks.extend(self.petition_text());
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(self.t("pack-by-state")));
        blocks.push(Block::Table {
            columns: vec![self.t("state"), self.t("signatures")],
            rows: states
                .iter()
                .map(|(c, n)| vec![state_name(self.lang, c), self.n(**n)])
                .collect(),
            numeric: vec![false, true],
        });
        blocks.push(Block::Heading(self.t("pack-by-constituency")));
        blocks.push(Block::Table {
            columns: vec![
                self.t("field-constituency"),
                self.t("state"),
                self.t("pack-member"),
                self.t("signatures"),
            ],
            rows: pcs
                .iter()
                .map(|(pc, n)| {
                    let (pc_name, state_code, _) = self.constituency_name(pc);
                    vec![
                        pc_name,
                        state_name(self.lang, &state_code),
                        self.members
                            .get(*pc)
                            .map(|m| m.name.clone())
                            .unwrap_or_default(),
                        self.n(**n),
                    ]
                })
                .collect(),
            numeric: vec![false, false, false, true],
        });
        Doc {
            title: self.title().to_string(),
            lang: self.lang.code().into(),
            footer: format!("{} · {}", self.title(), self.t("site-name")),
            blocks,
        }
    }

    /// The constituencies that get a pack: those with a signer, or every one.
    pub fn constituencies(&self, all: bool) -> Vec<String> {
        let mut pcs: Vec<String> = INDIA
            .constituencies
            .iter()
            .filter(|c| all || self.by_constituency.get(&c.pc_id).copied().unwrap_or(0) > 0)
            .map(|c| c.pc_id.clone())
            .collect();
        pcs.sort();
        pcs
    }
}

/// One pack as bytes.
pub fn constituency_pack(
    conn: &mut DbConnection,
    plan: &Plan,
    pc_id: &str,
) -> Result<Vec<u8>, DeliveryError> {
    let names = names(conn, &plan.keys, plan.petition.id(), pc_id)?;
    Ok(pdf::render(&plan.constituency_doc(pc_id, names)?)?)
}

/// One pack for staff to read or print (`pc_id`, or `ministry`), noted in the audit log.
pub fn one_pack(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    petition_id: i64,
    lang: Lang,
    pc_id: &str,
    actor: &audit::Actor,
) -> Result<Vec<u8>, DeliveryError> {
    let plan = plan(conn, keys, petition_id, lang)?;
    let bytes = if pc_id == "ministry" {
        ministry_pack(conn, &plan)?
    } else {
        constituency_pack(conn, &plan, pc_id)?
    };
    audit::note(
        conn,
        actor,
        audit::Action::DeliverPack,
        Some(petition_id),
        serde_json::json!({ "pack": pc_id, "lang": lang.code() }),
    )?;
    Ok(bytes)
}

pub fn ministry_pack(conn: &mut DbConnection, plan: &Plan) -> Result<Vec<u8>, DeliveryError> {
    let per_day = crate::db::campaigns::per_day(conn, plan.petition.id())?;
    Ok(pdf::render(&plan.ministry_doc(per_day))?)
}

/// A pack's file name, saying its language: `U05-04.pdf` in English, `U05-04.hi.pdf` in Hindi
/// (`stem` is a constituency's `pc_id` or `ministry`).
pub fn pack_file(stem: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{stem}.pdf"),
        other => format!("{stem}.{}.pdf", other.code()),
    }
}

/// What was made: how many packs and names, and a line of `index.csv` for each pack.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub packs: usize,
    pub names: usize,
    pub index: Vec<[String; 7]>,
}

/// Makes every pack (each constituency with a signer, or all, then the ministry's) and hands
/// each to `put(file name, bytes)` as it is made, then calls `progress(done, total)`. The
/// directory of `write_packs` and the zip of the delivery page both take them from here.
pub fn each_pack(
    db: &mut Db<'_>,
    plan: &Plan,
    all: bool,
    mut put: impl FnMut(&str, &[u8]) -> Result<(), DeliveryError>,
    mut progress: impl FnMut(&mut Db<'_>, usize, usize) -> Result<(), DeliveryError>,
) -> Result<Written, DeliveryError> {
    let pcs = plan.constituencies(all);
    let total = pcs.len() + 1;
    let mut written = Written::default();
    for (i, pc) in pcs.iter().enumerate() {
        let names = db.with(|c| Ok(names(c, &plan.keys, plan.petition.id(), pc)?))?;
        let n_names = names.len();
        let file = pack_file(pc, plan.lang);
        put(&file, &pdf::render(&plan.constituency_doc(pc, names)?)?)?;
        let (pc_name, _, state_name) = plan.constituency_name(pc);
        let member = plan.members.get(pc).map(|m| m.name.as_str()).unwrap_or("");
        let count = plan.by_constituency.get(pc).copied().unwrap_or(0);
        written.index.push([
            file,
            member.to_string(),
            pc.clone(),
            pc_name,
            state_name,
            count.to_string(),
            n_names.to_string(),
        ]);
        written.packs += 1;
        written.names += n_names;
        progress(db, i + 1, total)?;
    }
    let per_day = db.with(|c| Ok(crate::db::campaigns::per_day(c, plan.petition.id())?))?;
    put(
        &pack_file("ministry", plan.lang),
        &pdf::render(&plan.ministry_doc(per_day))?,
    )?;
    let ministries: Vec<&str> = plan
        .petition
        .recipients
        .iter()
        .filter(|r| r.kind == "ministry")
        .map(|r| r.name.as_str())
        .collect();
    written.index.push([
        pack_file("ministry", plan.lang),
        ministries.join("; "),
        String::new(),
        String::new(),
        String::new(),
        plan.national.to_string(),
        "0".into(),
    ]);
    written.packs += 1;
    progress(db, total, total)?;
    Ok(written)
}

/// `index.csv`: a line per pack (file, recipient, constituency, state, signatures, names), the
/// same in the command's folder and the delivery page's zip.
pub fn index_csv(written: &Written) -> Result<Vec<u8>, DeliveryError> {
    // Names of members and ministries come from staff and imports: the CSV neutralises them.
    let mut index = crate::exports::SafeCsv::new(Vec::new())?;
    index.row([
        "file",
        "recipient",
        "pc_id",
        "constituency",
        "state",
        "signatures",
        "names",
    ])?;
    for row in &written.index {
        index.row(row)?;
    }
    Ok(index.into_inner()?)
}

/// Writes `{pc_id}.pdf` for each constituency with a signer (or all), `ministry.pdf` and
/// `index.csv` into `dir`, calling `progress(done, total)` after each file, and records it in
/// the audit log. Each file appears whole (written aside, then renamed).
pub fn write_packs(
    conn: &mut DbConnection,
    plan: &Plan,
    dir: &Path,
    all: bool,
    actor: &crate::db::audit::Actor,
    mut progress: impl FnMut(usize, usize),
) -> Result<Written, DeliveryError> {
    std::fs::create_dir_all(dir)?;
    let written = each_pack(
        &mut Db::Held(conn),
        plan,
        all,
        |file, bytes| Ok(write_whole(&dir.join(file), bytes)?),
        |_, done, total| {
            progress(done, total);
            Ok(())
        },
    )?;
    write_whole(&dir.join("index.csv"), &index_csv(&written)?)?;
    audit::record(
        conn,
        &audit::Entry {
            actor,
            action: crate::db::audit::Action::DeliverPacks,
            petition_id: Some(plan.petition.id()),
            details: serde_json::json!({ "all": all, "lang": plan.lang.code(), "names": written.names }),
            row_count: written.packs as i64,
        },
    )?;
    Ok(written)
}

fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("part");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(tmp, path)
}
