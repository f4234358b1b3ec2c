//! The export benchmark: fill a database with confirmed signatures, then time the real
//! `hastakshar export signatures` command writing them to CSV and XLSX and watch its peak
//! memory, beside the database's own rate for reading the same rows in the same run; then time
//! `hastakshar deliver packs --all` writing a PDF for every one of the 543 constituencies.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use hastakshar::config::Settings;
use hastakshar::db::schema::signatures;
use hastakshar::db::{self, DbConnection};
use hastakshar::startup::prepare_database;

use crate::fresh::{Backend, FreshDb, ScratchDir};
use crate::signers::Place;

pub struct ExportFigures {
    pub backend: Backend,
    pub rows: usize,
    pub fill: Duration,
    pub read_baseline: Duration,
    pub runs: Vec<ExportRun>,
    pub packs: PacksRun,
}

pub struct PacksRun {
    pub elapsed: Duration,
    pub files: usize,
    pub bytes: u64,
    pub peak_rss: u64,
}

pub struct ExportRun {
    pub format: &'static str,
    pub elapsed: Duration,
    pub rows: u64,
    pub file_bytes: u64,
    pub peak_rss: u64,
}

const FILL_BATCH: usize = 500;

/// Fills `rows` confirmed signatures into a fresh database and exports them.
pub fn bench(
    backend: Backend,
    rows: usize,
    pg_admin_url: Option<&str>,
    server_exe: &Path,
    places: &[Place],
) -> anyhow::Result<ExportFigures> {
    let fresh = FreshDb::create(backend, pg_admin_url)?;
    let pool = prepare_database(&Settings::for_tests(&fresh.url))?;
    let mut conn = pool.get()?;
    let started = Instant::now();
    fill(&mut conn, rows, places)?;
    let fill_time = started.elapsed();

    let started = Instant::now();
    let read = read_all(&mut conn)?;
    let read_baseline = started.elapsed();
    anyhow::ensure!(read == rows, "read back {read} of {rows} rows");
    drop(conn);
    drop(pool);

    let scratch = ScratchDir::new("export")?;
    let mut runs = Vec::new();
    for format in ["csv", "xlsx"] {
        runs.push(run_export(server_exe, &fresh.url, scratch.path(), format)?);
    }
    let packs_dir = scratch.path().join("packs");
    let packs_dir_arg = packs_dir.display().to_string();
    let (status, elapsed, peak_rss, stderr) = run_measured(
        server_exe,
        &fresh.url,
        scratch.path(),
        &[
            "deliver",
            "packs",
            "--petition",
            "1",
            "--all",
            "--out",
            &packs_dir_arg,
        ],
    )?;
    anyhow::ensure!(status.success(), "the packs failed: {stderr}");
    let mut files = 0;
    let mut bytes = 0;
    for e in std::fs::read_dir(&packs_dir)? {
        let e = e?;
        if e.file_name().to_string_lossy().ends_with(".pdf") {
            files += 1;
            bytes += e.metadata()?.len();
        }
    }
    Ok(ExportFigures {
        backend,
        rows,
        fill: fill_time,
        read_baseline,
        runs,
        packs: PacksRun {
            elapsed,
            files,
            bytes,
            peak_rss,
        },
    })
}

/// Runs the real command against `url` in `dir`, timing it and watching its peak memory.
fn run_measured(
    exe: &Path,
    url: &str,
    dir: &Path,
    args: &[&str],
) -> anyhow::Result<(std::process::ExitStatus, Duration, u64, String)> {
    let started = Instant::now();
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("DATABASE_URL", url)
        .env("SECRET_KEY", "b".repeat(64))
        .env("DATA_KEY", crate::server::DATA_KEY)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    // VmHWM only grows; reading it often until the process ends catches its peak.
    let mut peak_rss = 0;
    let status = loop {
        if let Some(kib) = vm_hwm(child.id()) {
            peak_rss = peak_rss.max(kib * 1024);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = started.elapsed();
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        std::io::Read::read_to_string(&mut e, &mut stderr)?;
    }
    Ok((status, elapsed, peak_rss, stderr))
}

/// One run of the real command, timed, with its peak memory.
fn run_export(
    exe: &Path,
    url: &str,
    dir: &Path,
    format: &'static str,
) -> anyhow::Result<ExportRun> {
    let out = dir.join(format!("signatures.{format}"));
    let out_arg = out.display().to_string();
    let (status, elapsed, peak_rss, stderr) = run_measured(
        exe,
        url,
        dir,
        &[
            "export",
            "signatures",
            "--petition",
            "1",
            "--format",
            format,
            "--out",
            &out_arg,
        ],
    )?;
    anyhow::ensure!(status.success(), "the {format} export failed: {stderr}");
    let rows = stderr
        .split_whitespace()
        .find_map(|w| w.parse::<u64>().ok())
        .unwrap_or(0);
    Ok(ExportRun {
        format,
        elapsed,
        rows,
        file_bytes: std::fs::metadata(&out)?.len(),
        peak_rss,
    })
}

fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Confirmed signatures for the demo petition, in multi-row inserts.
fn fill(conn: &mut DbConnection, rows: usize, places: &[Place]) -> anyhow::Result<()> {
    let at = db::now();
    // Sealed as the application stores them, with the key the export command is given.
    let keys = crate::server::data_keys();
    for start in (0..rows).step_by(FILL_BATCH) {
        let batch: Vec<_> = (start..(start + FILL_BATCH).min(rows))
            .map(|i| {
                let p = &places[i % places.len()];
                (
                    signatures::petition_id.eq(1i64),
                    signatures::email.eq(keys.seal(&format!("export{i}@example.in"))),
                    signatures::email_canonical.eq(keys.index(&format!("export{i}@example.in"))),
                    signatures::email_domain.eq("example.in"),
                    signatures::name.eq(keys.seal(&format!("Signer {i}"))),
                    signatures::key_id.eq(Some(keys.primary_id().to_string())),
                    signatures::pin_code.eq(p.pin_code.clone()),
                    signatures::state_code.eq(p.state.clone()),
                    signatures::pc_id.eq(p.constituency.clone()),
                    signatures::show_name.eq(false),
                    signatures::deliver_name.eq(i % 2 == 0),
                    signatures::updates.eq(i % 3 == 0),
                    signatures::lang.eq("en"),
                    signatures::created_at.eq(at),
                    signatures::confirmed_at.eq(Some(at)),
                )
            })
            .collect();
        hastakshar::each_backend!(&mut *conn, c => diesel::insert_into(signatures::table)
            .values(&batch)
            .execute(c))?;
    }
    Ok(())
}

/// The database's own read of the same rows, in the same pages the export uses.
fn read_all(conn: &mut DbConnection) -> anyhow::Result<usize> {
    let mut last = 0i64;
    let mut n = 0;
    loop {
        let page: Vec<(i64, String, String, String, bool, String)> = signatures::table
            .filter(signatures::petition_id.eq(1i64))
            .filter(signatures::confirmed_at.is_not_null())
            .filter(signatures::id.gt(last))
            .order(signatures::id)
            .limit(5_000)
            .select((
                signatures::id,
                signatures::name,
                signatures::state_code,
                signatures::pc_id,
                signatures::deliver_name,
                signatures::email,
            ))
            .load(conn)?;
        match page.last() {
            Some(r) => last = r.0,
            None => return Ok(n),
        }
        n += page.len();
    }
}

/// A markdown table of the export figures.
pub fn print(figures: &[ExportFigures]) {
    println!("\n## Export of confirmed signatures\n");
    println!(
        "| backend | format | rows | the `hastakshar export signatures` command | database's own read of the same rows (same run) | ratio | peak memory | target | met |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for f in figures {
        for r in &f.runs {
            let secs = r.elapsed.as_secs_f64();
            let scaled = secs * 1_000_000.0 / (f.rows.max(1) as f64);
            // The design sets a time for CSV only; every format must keep memory flat.
            let timed = r.format == "csv";
            let met = (!timed || scaled <= 5.0)
                && r.peak_rss <= 100 * 1024 * 1024
                && r.rows as usize == f.rows;
            let target = if timed {
                "≤ 5 s a million, ≤ 100 MB"
            } else {
                "≤ 100 MB"
            };
            println!(
                "| {} | {} | {} | {:.2} s ({:.0} rows/s, {:.1} MB file) | {:.2} s | {:.2}× | {:.1} MB | {} | {} |",
                f.backend,
                r.format,
                r.rows,
                secs,
                r.rows as f64 / secs.max(1e-9),
                r.file_bytes as f64 / 1e6,
                f.read_baseline.as_secs_f64(),
                f.read_baseline.as_secs_f64() / secs.max(1e-9),
                r.peak_rss as f64 / 1e6,
                target,
                if met { "yes" } else { "**no**" },
            );
        }
    }
    println!("\n## Delivery packs for all 543 constituencies (`hastakshar deliver packs --all`)\n");
    println!(
        "| backend | signatures | packs | time | per pack | total size | peak memory | target | met |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for f in figures {
        let p = &f.packs;
        let secs = p.elapsed.as_secs_f64();
        println!(
            "| {} | {} | {} | {:.1} s | {:.0} ms | {:.1} MB | {:.1} MB | ≤ 60 s | {} |",
            f.backend,
            f.rows,
            p.files,
            secs,
            secs * 1000.0 / (p.files.max(1) as f64),
            p.bytes as f64 / 1e6,
            p.peak_rss as f64 / 1e6,
            if secs <= 60.0 && p.files == 544 {
                "yes"
            } else {
                "**no**"
            },
        );
    }
    for f in figures {
        println!(
            "\n- {}: {} rows filled in {:.1} s with multi-row inserts before the clock started",
            f.backend,
            f.rows,
            f.fill.as_secs_f64()
        );
    }
}
