//! The report: one markdown table per backend, each figure beside its same-run baseline and its
//! target from DESIGN.md, then a summary of the ratios.

use std::path::Path;
use std::time::Duration;

use crate::Config;
use crate::direct::Inserted;
use crate::fresh::Backend;
use crate::load::Outcome;
use crate::signers::Place;

/// The targets in DESIGN.md's "Targets" table.
const SIGN_RATIO_PG: f64 = 0.65;
const SIGN_RATIO_SQLITE: f64 = 0.3;
const SIGN_P99_PG: Duration = Duration::from_millis(50);
const COUNT_LAG: Duration = Duration::from_secs(2);
/// The petition page (gzip) against nginx sending the same bytes with `gzip_static`.
const PAGE_RATIO: f64 = 0.8;
const PAGE_P99: Duration = Duration::from_millis(10);
const PAGE_BYTES: u64 = 50_000;
const PEAK_RSS: u64 = 100_000_000;
/// The integrity checks may cost at most 10% of the signing rate.
const INTEGRITY_RATIO: f64 = 0.9;

pub struct BackendReport {
    pub backend: Backend,
    /// The database's own insert rate, from several thread counts.
    pub baselines: Vec<Inserted>,
    pub sign: Outcome,
    pub mail: Delivery,
    pub confirm: Outcome,
    /// How long after the last confirmation the API counted them all; None if not in time.
    pub count_lag: Option<Duration>,
    pub pages: Pages,
    /// The server's peak resident memory, in bytes.
    pub peak_rss: Option<u64>,
    /// Signing with the integrity checks off and on.
    pub integrity: crate::integrity::IntegrityCost,
}

/// The confirmation emails of the sign phase reaching the SMTP sink.
pub struct Delivery {
    pub expected: usize,
    pub received: usize,
    /// From the first sign request until the last email arrived; None if not in time.
    pub after_start: Option<Duration>,
    /// From the last sign response until the last email arrived.
    pub after_signing: Option<Duration>,
}

pub struct Pages {
    /// The application's answers through this benchmark's own client (sizes, errors).
    pub app: Outcome,
    /// The application against nginx, through wrk; or why that was not measured.
    pub versus: Result<crate::nginx_page::Versus, String>,
    pub uncompressed_bytes: usize,
}

impl BackendReport {
    /// The fastest of the database's own runs.
    fn baseline_rate(&self) -> f64 {
        self.baselines
            .iter()
            .map(Inserted::per_second)
            .fold(0.0, f64::max)
    }

    fn sign_ratio(&self) -> f64 {
        self.sign.per_second() / self.baseline_rate().max(1e-9)
    }

    fn sign_target(&self) -> f64 {
        match self.backend {
            Backend::Postgres => SIGN_RATIO_PG,
            Backend::Sqlite => SIGN_RATIO_SQLITE,
        }
    }

    fn page_ratio(&self) -> f64 {
        self.pages.versus.as_ref().map_or(0.0, |v| v.ratio())
    }
}

/// One line of a table.
struct Row {
    path: &'static str,
    result: String,
    baseline: String,
    ratio: String,
    target: &'static str,
    met: Option<bool>,
}

pub fn print(config: &Config, server_exe: &Path, places: &[Place], reports: &[BackendReport]) {
    println!("# Hastakshar benchmark\n");
    println!(
        "{} signatures, {} concurrent clients, {} page views; {} CPU cores; {}.",
        config.signatures,
        config.concurrency,
        config.page_views,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
    );
    // `cargo run --bin hastakshar-bench` rebuilds only this binary: show the server's age.
    println!(
        "Server under test: {}, built {}.",
        server_exe.display(),
        built_at(server_exe).unwrap_or_else(|| "at an unknown time".into())
    );
    let spread: Vec<String> = places
        .iter()
        .map(|p| format!("{}/{}/{}", p.pin_code, p.state, p.constituency))
        .collect();
    println!("Signers are spread over {}.", spread.join(", "));
    println!(
        "Baselines are measured in the same run: on a shared machine the ratios mean more than \
         the absolute figures. The page's baseline is nginx (one worker per core, as the \
         application has) sending the very gzip bytes the application sent, with gzip_static; \
         wrk asks both, {} connections, twice each, the best of each kept.\n",
        crate::nginx_page::CONNECTIONS
    );
    for r in reports {
        print_backend(r);
    }
    print_summary(reports);
}

fn print_backend(r: &BackendReport) {
    println!("## {}\n", r.backend);
    println!("| path | result | baseline (same run) | ratio | target | met |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for row in rows(r) {
        let met = match row.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            row.path, row.result, row.baseline, row.ratio, row.target, met
        );
    }
    println!();
    let notes = notes(r);
    if !notes.is_empty() {
        for n in notes {
            println!("- {n}");
        }
        println!();
    }
}

fn rows(r: &BackendReport) -> Vec<Row> {
    let p99 = r.sign.quantile(0.99);
    let sign_met = r.sign_ratio() >= r.sign_target()
        && r.sign.errors == 0
        && (r.backend != Backend::Postgres || p99.is_some_and(|p| p <= SIGN_P99_PG));
    let page_bytes = r.pages.app.mean_bytes();
    vec![
        Row {
            path: "signing",
            result: requests(&r.sign),
            baseline: format!("database's own inserts {}", rate(r.baseline_rate())),
            ratio: ratio(r.sign_ratio()),
            target: match r.backend {
                Backend::Postgres => "≥ 0.65×, p99 ≤ 50 ms",
                Backend::Sqlite => "≥ 0.3×",
            },
            met: Some(sign_met),
        },
        Row {
            path: "signing with integrity checks",
            result: format!(
                "{} with signals and {} rules (best of {}; the ratio is the median round's)",
                rate(r.integrity.best_on()),
                r.integrity.rules,
                r.integrity.on.len()
            ),
            baseline: format!(
                "checks off {} (best of {})",
                rate(r.integrity.best_off()),
                r.integrity.off.len()
            ),
            ratio: ratio(r.integrity.ratio()),
            target: "≥ 0.9×",
            met: Some(r.integrity.ratio() >= INTEGRITY_RATIO),
        },
        Row {
            path: "confirmation emails",
            result: delivery(&r.mail),
            baseline: String::new(),
            ratio: String::new(),
            target: "",
            met: None,
        },
        Row {
            path: "confirmations",
            result: requests(&r.confirm),
            baseline: String::new(),
            ratio: String::new(),
            target: "",
            met: None,
        },
        Row {
            path: "confirmations counted in the API",
            result: match r.count_lag {
                Some(lag) => format!("{} after the last confirmation", secs(lag)),
                None => "not within the phase limit".into(),
            },
            baseline: String::new(),
            ratio: String::new(),
            target: "≤ 2 s",
            met: Some(r.count_lag.is_some_and(|l| l <= COUNT_LAG) && r.confirm.ok > 0),
        },
        match &r.pages.versus {
            Ok(v) => Row {
                path: "petition page (gzip), wrk",
                result: format!(
                    "{}, p50 {}, p99 {}",
                    rate(v.app.per_second),
                    ms(v.app.p50),
                    ms(v.app.p99)
                ),
                baseline: format!(
                    "nginx {}, p99 {}",
                    rate(v.nginx.per_second),
                    ms(v.nginx.p99)
                ),
                ratio: ratio(r.page_ratio()),
                target: "≥ 0.8×, p99 ≤ 10 ms",
                met: Some(
                    r.page_ratio() >= PAGE_RATIO
                        && v.app.p99 <= PAGE_P99
                        && v.app.errors == 0
                        && r.pages.app.errors == 0,
                ),
            },
            Err(why) => Row {
                path: "petition page (gzip), wrk",
                result: format!("not measured: {why}"),
                baseline: "nginx".into(),
                ratio: String::new(),
                target: "≥ 0.8×, p99 ≤ 10 ms",
                met: Some(false),
            },
        },
        Row {
            path: "petition page size",
            result: format!(
                "{} gzip ({} uncompressed)",
                page_bytes.map_or("?".into(), size),
                size(r.pages.uncompressed_bytes as u64)
            ),
            baseline: match &r.pages.versus {
                Ok(v) => format!("nginx {}", size(v.gzip_bytes as u64)),
                Err(_) => String::new(),
            },
            ratio: String::new(),
            target: "≤ 50 kB",
            met: Some(page_bytes.is_some_and(|b| b <= PAGE_BYTES)),
        },
        Row {
            path: "server peak memory",
            result: r
                .peak_rss
                .map_or("unknown".into(), |b| format!("{} (VmHWM)", size(b))),
            baseline: String::new(),
            ratio: String::new(),
            target: "≤ 100 MB",
            met: Some(r.peak_rss.is_some_and(|b| b <= PEAK_RSS)),
        },
    ]
}

/// What went wrong, and the baseline's details, under the table.
fn notes(r: &BackendReport) -> Vec<String> {
    let runs: Vec<String> = r
        .baselines
        .iter()
        .map(|b| {
            let threads = match b.threads {
                1 => "1 thread".to_string(),
                n => format!("{n} threads"),
            };
            let ms = |q| {
                b.quantile(q).map_or("-".to_string(), |d| {
                    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
                })
            };
            format!(
                "{} from {threads} ({} rows in {}; p50 {} · p99 {})",
                rate(b.per_second()),
                b.rows,
                secs(b.elapsed),
                ms(0.5),
                ms(0.99)
            )
        })
        .collect();
    let mut notes = vec![format!(
        "database's own inserts: each signature with its token and outbox rows in one \
         transaction, through `db::signatures::sign`, each thread on a pooled connection of its \
         own: {}; the faster is the baseline",
        runs.join(", ")
    )];
    let baseline_runs = r
        .baselines
        .iter()
        .map(|b| ("baseline", b.errors, b.first_error.as_ref(), b.timed_out));
    let phases = baseline_runs.chain([
        (
            "signing",
            r.sign.errors,
            r.sign.first_error.as_ref(),
            r.sign.timed_out,
        ),
        (
            "confirming",
            r.confirm.errors,
            r.confirm.first_error.as_ref(),
            r.confirm.timed_out,
        ),
        (
            "petition page",
            r.pages.app.errors,
            r.pages.app.first_error.as_ref(),
            r.pages.app.timed_out,
        ),
    ]);
    notes.extend(diagnoses(r));
    for (phase, errors, first, timed_out) in phases {
        if errors > 0 {
            notes.push(format!(
                "{phase}: {errors} errors, the first: {}",
                first.map_or("?", String::as_str)
            ));
        }
        if timed_out {
            notes.push(format!("{phase}: cut short at the phase time limit"));
        }
    }
    notes
}

/// Nagle's algorithm holding back a response's last segment until the peer's delayed ACK
/// (40 ms on Linux) shows as steps of about 40 ms; say so where a figure sits on that step.
fn diagnoses(r: &BackendReport) -> Vec<String> {
    let on_the_step = |d: Duration| (38.0..=48.0).contains(&(d.as_secs_f64() * 1000.0));
    let mut found = Vec::new();
    let page_p50 = r.pages.app.quantile(0.5);
    let static_p50 = r.pages.versus.as_ref().ok().map(|v| v.nginx.p50);
    if page_p50.is_some_and(on_the_step) && static_p50.is_some_and(|s| !on_the_step(s)) {
        found.push(
            "petition page: a p50 near 40 ms is the mark of Nagle's algorithm meeting delayed \
             ACKs on a compressed (chunked) response: the server does not set TCP_NODELAY \
             (actix's `HttpServer::tcp_nodelay(true)`)"
                .to_string(),
        );
    }
    if let Some(total) = r.mail.after_start
        && r.mail.expected > 0
        && on_the_step(total / r.mail.expected as u32)
    {
        found.push(
            "confirmation emails: about 40 ms each, one at a time, is the mark of one side of \
             the SMTP conversation writing in pieces without TCP_NODELAY and waiting out the \
             other's delayed ACK (the worker's own connections set it: see src/mail/smtp.rs)"
                .to_string(),
        );
    }
    found
}

fn print_summary(reports: &[BackendReport]) {
    println!("## Summary\n");
    for r in reports {
        println!(
            "- signing {}: {} = {} the database's own {} (target ≥ {})",
            r.backend,
            rate(r.sign.per_second()),
            ratio(r.sign_ratio()),
            rate(r.baseline_rate()),
            ratio(r.sign_target()),
        );
    }
    for r in reports {
        println!(
            "- signing {} with integrity checks: {} the rate without them (median of rounds; best {} against {}; target ≥ {})",
            r.backend,
            ratio(r.integrity.ratio()),
            rate(r.integrity.best_on()),
            rate(r.integrity.best_off()),
            ratio(INTEGRITY_RATIO),
        );
    }
    for r in reports {
        match &r.pages.versus {
            Ok(v) => println!(
                "- petition page {} (gzip, wrk): {} = {} nginx's {} sending the same bytes; p99 {} (target ≥ {}, p99 ≤ {})",
                r.backend,
                rate(v.app.per_second),
                ratio(r.page_ratio()),
                rate(v.nginx.per_second),
                ms(v.app.p99),
                ratio(PAGE_RATIO),
                ms(PAGE_P99),
            ),
            Err(why) => println!(
                "- petition page {}: not measured against nginx: {why}",
                r.backend
            ),
        }
    }
    let met: usize = reports
        .iter()
        .flat_map(rows)
        .filter(|row| row.met == Some(true))
        .count();
    let checked: usize = reports
        .iter()
        .flat_map(rows)
        .filter(|row| row.met.is_some())
        .count();
    println!("- targets met: {met} of {checked}");
}

fn built_at(exe: &Path) -> Option<String> {
    let modified = std::fs::metadata(exe).ok()?.modified().ok()?;
    let t: chrono::DateTime<chrono::Utc> = modified.into();
    Some(t.format("%Y-%m-%d %H:%M UTC").to_string())
}

/// "1,830/s · p50 12.1 ms · p99 40.2 ms · 2000 of 2000 ok"
fn requests(o: &Outcome) -> String {
    let q = |q| o.quantile(q).map_or("?".into(), ms);
    format!(
        "{} · p50 {} · p99 {} · {} of {} ok",
        rate(o.per_second()),
        q(0.5),
        q(0.99),
        o.ok,
        o.ok + o.errors
    )
}

fn delivery(d: &Delivery) -> String {
    match (d.after_start, d.after_signing) {
        (Some(total), Some(after)) => format!(
            "all {} in the SMTP sink {} after signing began, {} after it ended ({})",
            d.expected,
            secs(total),
            secs(after),
            rate(d.expected as f64 / total.as_secs_f64().max(1e-9)),
        ),
        _ => format!(
            "only {} of {} within the phase limit",
            d.received, d.expected
        ),
    }
}

fn rate(per_second: f64) -> String {
    format!("{}/s", thousands(per_second.round() as u64))
}

fn ratio(r: f64) -> String {
    format!("{r:.2}×")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Decimal units, as the targets are written.
fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} kB", bytes as f64 / 1e3)
    }
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
