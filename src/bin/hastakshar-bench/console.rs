//! How fast the integrity console answers on a petition with many signatures: the database
//! filled directly (as a month of signing with a day's spike would leave it), then each view's
//! queries timed, as the console's handler runs them, beside a baseline from the same run: a
//! plain `COUNT(*)` of the petition's signatures.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use hastakshar::db::console;
use hastakshar::db::schema::signatures;
use hastakshar::db::{self, DbConnection, integrity as store};
use hastakshar::integrity::spike;

use crate::fresh::{Backend, FreshDb};
use crate::signers::Place;

const FILL_BATCH: usize = 1_000;
const DEMO: i64 = 1;

pub struct ConsoleFigures {
    pub backend: Backend,
    pub rows: usize,
    pub fill: Duration,
    /// A plain count of the petition's signatures: the database's own pace on these rows.
    pub baseline: Duration,
    /// Each window's view, and the method page, the slowest of three.
    pub views: Vec<(&'static str, Duration)>,
}

/// Blocking: fills a fresh database with `rows` signatures and times the console's views.
pub fn bench(
    backend: Backend,
    rows: usize,
    pg_admin_url: Option<&str>,
    places: &[Place],
) -> anyhow::Result<ConsoleFigures> {
    let db = FreshDb::create(backend, pg_admin_url)?;
    let pool = db::build_pool(&db.url, 2)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    db::refdata::load(&mut conn)?;
    db::refdata::seed_demo(&mut conn)?;
    let started = Instant::now();
    fill(&mut conn, rows, places)?;
    // The worker's rollups, as they stand a round after the signing.
    while db::rollup::fold(&mut conn, 5_000)? > 0 {}
    if let DbConnection::Pg(c) = &mut *conn {
        // What autovacuum does soon after a load like this: statistics and the visibility map.
        diesel::sql_query("VACUUM ANALYZE").execute(c)?;
    } else {
        diesel::sql_query("ANALYZE").execute(&mut *conn)?;
    }
    let fill_time = started.elapsed();
    let baseline = slowest(|| {
        signatures::table
            .filter(signatures::petition_id.eq(DEMO))
            .count()
            .get_result::<i64>(&mut *conn)
            .map(|_| ())
    })?;
    let now = db::now();
    let threshold = spike::Threshold {
        multiple: 5.0,
        floor: 20.0,
    };
    let mut views = Vec::new();
    for (name, since, width) in [
        ("console, last hour", now - chrono::Duration::hours(1), 60),
        ("console, last day", now - chrono::Duration::days(1), 900),
        (
            "console, whole petition",
            chrono::DateTime::UNIX_EPOCH.naive_utc(),
            86_400,
        ),
    ] {
        // As the handler: the hour from the signatures, longer windows from the rollups.
        let rolled = width != 60;
        let t = slowest(|| {
            let c = &mut *conn;
            console::figures(c, DEMO, since, width, rolled)?;
            spike::measure(c, DEMO, now, threshold)?;
            console::tally(c, DEMO)?;
            store::invalidations_of(c, DEMO)?;
            Ok(())
        })?;
        views.push((name, t));
    }
    let method = slowest(|| {
        console::tally(&mut conn, DEMO)?;
        console::public_invalidations(&mut conn, DEMO).map(|_| ())
    })?;
    views.push(("method page", method));
    drop(conn);
    drop(pool);
    drop(db);
    Ok(ConsoleFigures {
        backend,
        rows,
        fill: fill_time,
        baseline,
        views,
    })
}

fn slowest(mut f: impl FnMut() -> QueryResult<()>) -> anyhow::Result<Duration> {
    let mut worst = Duration::ZERO;
    for _ in 0..3 {
        let t = Instant::now();
        f()?;
        worst = worst.max(t.elapsed());
    }
    Ok(worst)
}

/// A month of signing with a spike in the last day: 80% spread over 30 days, 20% in the last
/// 24 hours (a tenth of those in the last hour); networks from a pool of 100,000, a fifth of
/// the spike from one /24 at a disposable domain; domains weighted as Indian inboxes are.
fn fill(conn: &mut DbConnection, rows: usize, places: &[Place]) -> anyhow::Result<()> {
    let now = db::now();
    // Sealed as the application stores them (the worker would otherwise seal them meanwhile).
    let keys = crate::server::data_keys();
    let domains = [
        "gmail.com",
        "gmail.com",
        "gmail.com",
        "yahoo.co.in",
        "outlook.com",
        "rediffmail.com",
        "hotmail.com",
    ];
    for start in (0..rows).step_by(FILL_BATCH) {
        let batch: Vec<_> = (start..(start + FILL_BATCH).min(rows))
            .map(|i| {
                let p = &places[i % places.len()];
                let spike = i % 5 == 0;
                let secs = if spike {
                    if i % 50 == 0 {
                        (i * 7) % 3_600
                    } else {
                        (i * 13) % 86_400
                    }
                } else {
                    (i * 31) % (30 * 86_400)
                } as i64;
                let at = now - chrono::Duration::seconds(secs);
                let bot = spike && i % 4 == 0;
                let n = (i * 7919) % 100_000;
                let (network, domain) = if bot {
                    ("198.51.100.0/24".to_string(), "guerrillamail.com")
                } else {
                    (
                        format!("{}.{}.{}.0/24", 10 + n / 65_536, (n / 256) % 256, n % 256),
                        domains[i % domains.len()],
                    )
                };
                let email = format!("signer{i}@{domain}");
                (
                    (
                        signatures::petition_id.eq(DEMO),
                        signatures::email.eq(keys.seal(&email)),
                        signatures::email_canonical.eq(keys.index(&email)),
                        signatures::email_domain.eq(domain),
                        signatures::name.eq(keys.seal(&format!("Signer {i}"))),
                        signatures::pin_code.eq(p.pin_code.clone()),
                        signatures::state_code.eq(p.state.clone()),
                        signatures::pc_id.eq(p.constituency.clone()),
                        signatures::show_name.eq(false),
                        signatures::deliver_name.eq(false),
                        signatures::updates.eq(false),
                        signatures::lang.eq("en"),
                    ),
                    (
                        signatures::created_at.eq(at),
                        signatures::confirmed_at.eq((i % 10 != 0).then_some(at)),
                        signatures::network.eq(Some(network)),
                        signatures::ip_hash.eq(Some(format!("h{}", n * 3 + i % 3))),
                        signatures::disposable.eq(bot),
                        signatures::form_seconds.eq(Some(if bot {
                            1
                        } else {
                            20 + (i % 100) as i32
                        })),
                        signatures::held.eq(false),
                        signatures::key_id.eq(Some(keys.primary_id().to_string())),
                    ),
                )
            })
            .collect();
        hastakshar::each_backend!(&mut *conn, c => diesel::insert_into(signatures::table)
            .values(&batch)
            .execute(c))?;
    }
    Ok(())
}

pub fn print(figures: &[ConsoleFigures]) {
    println!("## Integrity console on a large petition\n");
    println!("| backend | signatures | view | time | baseline: COUNT(*) | target |");
    println!("|---|---|---|---|---|---|");
    for f in figures {
        for (view, t) in &f.views {
            println!(
                "| {} | {} | {view} | {:.0} ms | {:.0} ms | ≤ 1 s {} |",
                f.backend,
                f.rows,
                t.as_secs_f64() * 1000.0,
                f.baseline.as_secs_f64() * 1000.0,
                if *t <= Duration::from_secs(1) {
                    "✓"
                } else {
                    "✗"
                }
            );
        }
        println!(
            "\n({}: filled in {:.0} s; each time is the slowest of three runs of the view's queries.)\n",
            f.backend,
            f.fill.as_secs_f64()
        );
    }
}
