//! Staff jobs (a zip of every pack): started, beating while they run, done or failed, and their
//! files forgotten once they have been kept long enough.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::staff_jobs;
use super::{DbConnection, now};

pub const ZIP: &str = "packs.zip";

/// A job beats at least every few seconds while it runs (every ten packs); one silent this long
/// was cut off by a stopped server.
const SILENCE: chrono::Duration = chrono::Duration::minutes(2);

/// Where a job stands; stored as text, read at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    Running,
    Done,
    Failed,
}

impl JobStatus {
    pub fn code(self) -> &'static str {
        match self {
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }

    fn parse(code: &str) -> JobStatus {
        match code {
            "running" => JobStatus::Running,
            "done" => JobStatus::Done,
            // The schema allows no other value; anything else did not end well.
            _ => JobStatus::Failed,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_jobs)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub petition_id: i64,
    #[diesel(column_name = status)]
    status_code: String,
    pub done: i64,
    pub total: i64,
    pub file: Option<String>,
    pub error: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

impl Job {
    pub fn status(&self) -> JobStatus {
        JobStatus::parse(&self.status_code)
    }
}

/// A petition's latest jobs, newest first.
pub fn recent(conn: &mut DbConnection, petition_id: i64, limit: i64) -> QueryResult<Vec<Job>> {
    staff_jobs::table
        .filter(staff_jobs::petition_id.eq(petition_id))
        .order(staff_jobs::id.desc())
        .limit(limit)
        .select(Job::as_select())
        .load(conn)
}

/// Starts a job of `kind` unless `max_running` of that kind are running already (in any
/// process: the count is the database's); `None` then, and nothing is written.
pub fn start(
    conn: &mut DbConnection,
    kind: &str,
    petition_id: i64,
    actor: &crate::db::audit::Actor,
    max_running: i64,
) -> QueryResult<Option<i64>> {
    conn.transaction(|conn| {
        sweep_stale(conn)?;
        let running: i64 = staff_jobs::table
            .filter(staff_jobs::kind.eq(kind))
            .filter(staff_jobs::status.eq(JobStatus::Running.code()))
            .count()
            .get_result(conn)?;
        if running >= max_running {
            return Ok(None);
        }
        let t = now();
        diesel::insert_into(staff_jobs::table)
            .values((
                staff_jobs::kind.eq(kind),
                staff_jobs::petition_id.eq(petition_id),
                staff_jobs::status.eq(JobStatus::Running.code()),
                staff_jobs::created_by.eq(actor.as_str()),
                staff_jobs::created_at.eq(t),
                staff_jobs::heartbeat_at.eq(t),
            ))
            .returning(staff_jobs::id)
            .get_result(conn)
            .map(Some)
    })
}

pub fn progress(conn: &mut DbConnection, job: i64, done: i64, total: i64) -> QueryResult<()> {
    diesel::update(staff_jobs::table.find(job))
        .set((
            staff_jobs::done.eq(done),
            staff_jobs::total.eq(total),
            staff_jobs::heartbeat_at.eq(now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn finish(conn: &mut DbConnection, job: i64, total: i64, file: &str) -> QueryResult<()> {
    diesel::update(staff_jobs::table.find(job))
        .set((
            staff_jobs::status.eq(JobStatus::Done.code()),
            staff_jobs::done.eq(total),
            staff_jobs::total.eq(total),
            staff_jobs::file.eq(Some(file)),
            staff_jobs::finished_at.eq(Some(now())),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn fail(conn: &mut DbConnection, job: i64, error: &str) -> QueryResult<()> {
    diesel::update(staff_jobs::table.find(job))
        .set((
            staff_jobs::status.eq(JobStatus::Failed.code()),
            staff_jobs::error.eq(Some(error)),
            staff_jobs::finished_at.eq(Some(now())),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Marks running jobs whose heartbeat stopped as failed.
pub fn sweep_stale(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::update(
        staff_jobs::table
            .filter(staff_jobs::status.eq(JobStatus::Running.code()))
            .filter(staff_jobs::heartbeat_at.lt(now() - SILENCE)),
    )
    .set((
        staff_jobs::status.eq(JobStatus::Failed.code()),
        staff_jobs::error.eq(Some(
            "interrupted: the server stopped while it ran; start it again",
        )),
        staff_jobs::finished_at.eq(Some(now())),
    ))
    .execute(conn)
}

pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Job>> {
    staff_jobs::table
        .find(id)
        .select(Job::as_select())
        .first(conn)
        .optional()
}

/// Finished jobs whose file is older than `before`, with that file.
pub fn files_made_before(
    conn: &mut DbConnection,
    before: NaiveDateTime,
) -> QueryResult<Vec<(i64, String)>> {
    staff_jobs::table
        .filter(staff_jobs::status.eq(JobStatus::Done.code()))
        .filter(staff_jobs::finished_at.lt(before))
        .filter(staff_jobs::file.is_not_null())
        .select((staff_jobs::id, staff_jobs::file.assume_not_null()))
        .load(conn)
}

/// The job's file is gone: the job keeps its place in the history, without it.
pub fn forget_file(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    diesel::update(staff_jobs::table.find(id))
        .set(staff_jobs::file.eq(None::<String>))
        .execute(conn)
        .map(|_| ())
}
