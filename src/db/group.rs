//! Group commit for SQLite's busiest writers (signers under a spike). SQLite syncs its log at
//! every commit (`synchronous = FULL`, so an acknowledged signature survives a power cut), and
//! one writer at a time: a sync for each signature made the sync, not the work, the limit.
//!
//! Each writer queues its work and waits for the writer's turn. Whoever gets the turn runs every
//! job queued by then (its own among them) in one transaction, each job in a savepoint of its
//! own, commits once, and only then hands each job its result. A job that fails rolls back its
//! savepoint alone and its caller gets the error at once; if the commit fails, every job of the
//! batch gets an error. So nobody hears "done" before their work is on disk, and no caller's
//! failure costs another's work. PostgreSQL writers do not queue here: its server already makes
//! concurrent commits share a log flush.

use std::sync::{Mutex, mpsc};

use diesel::Connection;

use super::{DbConnection, DbError, SQLITE_WRITER};

/// What a job does once the batch's commit is known: `Ok` (committed) or the commit's error.
type Finish = Box<dyn FnOnce(Result<(), String>) + Send>;
/// A caller's work, run on the batch's connection, or told why the batch could not begin.
type Job = Box<dyn FnOnce(Result<&mut DbConnection, String>) -> Finish + Send>;

static QUEUE: Mutex<Vec<Job>> = Mutex::new(Vec::new());

/// Transactions committed for grouped writes, since the process started.
static BATCHES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The most jobs in one transaction: enough that a sync is shared widely, few enough that the
/// first job's caller does not wait long for the last.
const MOST: usize = 64;

/// Runs `f` in a savepoint of a transaction it may share with other callers of this function;
/// returns once that transaction has committed (or failed). `f` may run on another thread, on
/// another connection than `conn`. Never call it while holding the writer's turn.
pub(super) fn write<T, F>(conn: &mut DbConnection, f: F) -> Result<T, DbError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
{
    let (tx, rx) = mpsc::sync_channel::<Result<T, DbError>>(1);
    let job: Job = Box::new(move |conn: Result<&mut DbConnection, String>| {
        // Nested in the batch's transaction, this is a savepoint.
        match conn.map_err(DbError::Task).and_then(|c| c.transaction(f)) {
            Err(e) => {
                let _ = tx.send(Err(e));
                Box::new(|_| ())
            }
            Ok(value) => Box::new(move |committed: Result<(), String>| {
                let _ = tx.send(committed.map(|()| value).map_err(DbError::Task));
            }),
        }
    });
    lock(&QUEUE).push(job);
    loop {
        let _turn = lock(&SQLITE_WRITER);
        match rx.try_recv() {
            Ok(result) => return result,
            // The batch that took this job ended without a word for it (a job panicked).
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(DbError::Task(
                    "the writer stopped before this job ended".into(),
                ));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        let jobs: Vec<Job> = {
            let mut queue = lock(&QUEUE);
            let n = queue.len().min(MOST);
            queue.drain(..n).collect()
        };
        run_batch(conn, jobs);
    }
}

fn run_batch(conn: &mut DbConnection, jobs: Vec<Job>) {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConnection::Sqlite(c) = conn else {
        unreachable!("only SQLite writers are grouped")
    };
    // BEGIN IMMEDIATE takes the write lock first: another process's writer makes it wait in the
    // busy timeout instead of failing a job halfway.
    if let Err(e) = AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE") {
        let why = format!("begin: {e}");
        for job in jobs {
            job(Err(why.clone()))(Err(why.clone()));
        }
        return;
    }
    let finishes: Vec<Finish> = jobs.into_iter().map(|job| job(Ok(&mut *conn))).collect();
    let DbConnection::Sqlite(c) = conn else {
        unreachable!()
    };
    // A failed COMMIT is rolled back by diesel; every job of the batch hears of it.
    let committed =
        AnsiTransactionManager::commit_transaction(c).map_err(|e| format!("commit: {e}"));
    BATCHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    for finish in finishes {
        finish(committed.clone());
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::RunQueryDsl;
    use std::sync::atomic::Ordering;

    fn count(conn: &mut DbConnection, filter: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM t WHERE {filter}"))
            .get_result::<N>(conn)
            .unwrap()
            .n
    }

    /// Writers that queue while one holds the turn share the next transaction; a job that fails
    /// takes only its own rows back, and every caller hears its own outcome.
    #[test]
    fn queued_writers_share_a_commit_and_a_failure_is_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("g.db").display());
        let pool = super::super::build_pool(&url, 40).unwrap();
        diesel::sql_query("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)")
            .execute(&mut pool.get().unwrap())
            .unwrap();
        let before = BATCHES.load(Ordering::Relaxed);
        let (started, go) = mpsc::channel();
        // The first writer holds the turn for a while, so the others queue behind it.
        let first = {
            let pool = pool.clone();
            std::thread::spawn(move || {
                write(&mut pool.get().unwrap(), move |c| {
                    started.send(()).unwrap();
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    diesel::sql_query("INSERT INTO t (v) VALUES (0)").execute(c)?;
                    Ok(0)
                })
            })
        };
        go.recv().unwrap();
        let others: Vec<_> = (1..=30)
            .map(|i| {
                let pool = pool.clone();
                std::thread::spawn(move || {
                    write(&mut pool.get().unwrap(), move |c| {
                        diesel::sql_query(format!("INSERT INTO t (v) VALUES ({i})")).execute(c)?;
                        if i % 10 == 0 {
                            return Err(DbError::Task(format!("job {i} refuses")));
                        }
                        Ok(i)
                    })
                })
            })
            .collect();
        assert_eq!(first.join().unwrap().unwrap(), 0);
        for (i, h) in (1..=30).zip(others) {
            match h.join().unwrap() {
                Ok(v) => assert_eq!(v, i),
                Err(e) => {
                    assert_eq!(i % 10, 0, "job {i} failed: {e}");
                    assert!(e.to_string().contains(&format!("job {i} refuses")));
                }
            }
        }
        let mut conn = pool.get().unwrap();
        assert_eq!(count(&mut conn, "TRUE"), 28);
        assert_eq!(
            count(&mut conn, "v % 10 = 0 AND v > 0"),
            0,
            "a refusing job left a row"
        );
        // 31 writers: the first alone, the 30 that queued meanwhile in a few transactions (a
        // thread the scheduler starts late may make one more).
        let batches = BATCHES.load(Ordering::Relaxed) - before;
        assert!(
            (2..=6).contains(&batches),
            "{batches} transactions for 31 writers"
        );
    }
}
