//! Staff export a petition's signatures and counts on the command line: the figures equal the
//! confirmed signatures, consent decides every name and email, nothing can run as a formula,
//! and every export is in the audit log.

use std::process::{Command, Output};

use diesel::prelude::*;

use crate::helpers::{DEMO, Step, TestApp, as_refs, form, with, with_all};
use crate::on_both_backends;
use crate::support::testdb::Backend;

on_both_backends!(
    exports_match_the_confirmed_signatures_and_respect_consent,
    unknown_petitions_and_bad_arguments_exit_2,
    a_representatives_file_is_imported_whole_or_not_at_all,
);

pub fn hastakshar(app: &TestApp, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_hastakshar"))
        .args(args)
        .current_dir(dir.path())
        .env_clear()
        .env("DATABASE_URL", &app.db.url)
        .env("SECRET_KEY", "x".repeat(32))
        // The key the test's own server seals with (`Settings::for_tests`).
        .env("DATA_KEY", "09".repeat(32))
        .env("USER", "staff-tester")
        .output()
        .unwrap()
}

/// Runs a command line (words separated by spaces) of the real binary against the app's database.
pub fn cli(app: &TestApp, line: &str) -> Output {
    hastakshar(app, &line.split_whitespace().collect::<Vec<_>>())
}

fn csv_rows(out: &Output) -> Vec<csv::StringRecord> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.starts_with(b"\xEF\xBB\xBF"),
        "a BOM, so Excel reads UTF-8"
    );
    csv::Reader::from_reader(&out.stdout[3..])
        .records()
        .map(Result::unwrap)
        .collect()
}

async fn exports_match_the_confirmed_signatures_and_respect_consent(backend: Backend) {
    let mut step = Step::first("setting up");
    let app = TestApp::spawn(backend).await;
    let delivered = with_all(
        form("deliver@example.in"),
        &[("name", "आशा देवी"), ("deliver_name", "on")],
    );
    let private = with(form("private@example.in"), "updates", "on");
    let delhi = with_all(
        form("delhi@example.in"),
        &[
            ("pin_code", "110001"),
            ("state", "IN-DL"),
            ("constituency", "U05-04"),
            ("deliver_name", "on"),
        ],
    );
    app.sign_and_confirm(DEMO, &delivered).await;
    app.sign_and_confirm(DEMO, &private).await;
    app.sign_and_confirm(DEMO, &delhi).await;
    // Pending: never exported.
    step.next("Pending");
    app.sign(&as_refs(&form("pending@example.in"))).await;
    // A name from before validation refused formulas, as an import might bring.
    step.next("A name from before validation refused formulas, as an import might bring");
    {
        let mut conn = app.pool.get().unwrap();
        diesel::sql_query(format!(
            "UPDATE signatures SET name = '=HYPERLINK(\"http://x\")' WHERE email_canonical = '{}'",
            app.settings.data_keys.index("delhi@example.in")
        ))
        .execute(&mut conn)
        .unwrap();
    }
    app.wait_for_count(DEMO, 3).await;

    let rows = csv_rows(&cli(&app, "export signatures --petition 1"));
    assert_eq!(rows.len(), 3, "confirmed signatures only");
    let names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert!(names.contains(&"आशा देवी"), "Hindi intact: {names:?}");
    assert!(names.contains(&""), "no consent, no name");
    assert!(
        names.contains(&"'=HYPERLINK(\"http://x\")"),
        "formula neutralised: {names:?}"
    );
    assert!(
        rows.iter().all(|r| r.len() == 7 && r[6].is_empty()),
        "no email column unless asked; no source for signatures made without a link's"
    );
    let all =
        String::from_utf8_lossy(&cli(&app, "export signatures --petition 1").stdout).to_string();
    assert!(!all.contains("@example.in"));

    let rows = csv_rows(&cli(&app, "export signatures --petition 1 --with-emails"));
    let emails: Vec<&str> = rows
        .iter()
        .map(|r| &r[7])
        .filter(|e| !e.is_empty())
        .collect();
    assert_eq!(
        emails,
        ["private@example.in"],
        "only those who consented to be contacted"
    );

    let by_pc = csv_rows(&cli(&app, "export counts --petition 1 --by constituency"));
    assert_eq!(by_pc.len(), 543, "every constituency, zeros included");
    let count = |rows: &[csv::StringRecord], code: &str| -> i64 {
        rows.iter().find(|r| &r[0] == code).unwrap()[rows[0].len() - 1]
            .parse()
            .unwrap()
    };
    assert_eq!(count(&by_pc, "S24-77"), 2);
    assert_eq!(count(&by_pc, "U05-04"), 1);
    let total: i64 = by_pc.iter().map(|r| r[6].parse::<i64>().unwrap()).sum();
    assert_eq!(total, 3);
    let varanasi = by_pc.iter().find(|r| &r[0] == "S24-77").unwrap();
    assert_eq!(&varanasi[4], "Narendra Modi", "the member for the seat");

    let out = cli(&app, "export counts --petition 1 --by state --format json");
    assert!(out.status.success());
    let states: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(states.len(), 36);
    let up = states.iter().find(|s| s["code"] == "IN-UP").unwrap();
    assert_eq!(up["count"], 2);
    assert_eq!(
        states
            .iter()
            .map(|s| s["count"].as_i64().unwrap())
            .sum::<i64>(),
        3
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("counts.csv");
    let out = cli(
        &app,
        &format!(
            "export counts --petition 1 --by state --out {}",
            file.to_str().unwrap()
        ),
    );
    assert!(out.status.success());
    assert!(std::fs::read(&file).unwrap().starts_with(b"\xEF\xBB\xBF"));

    // The same signatures as a workbook: a zip whose sheet holds the names that may be shown.
    step.next("The same signatures as a workbook");
    let xlsx = dir.path().join("signatures.xlsx");
    let out = cli(
        &app,
        &format!(
            "export signatures --petition 1 --format xlsx --out {}",
            xlsx.to_str().unwrap()
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sheet = xlsx_text(&xlsx);
    assert!(sheet.contains("आशा देवी"), "Hindi intact in the workbook");
    assert!(!sheet.contains("Asha Devi"), "no consent, no name");
    assert!(!sheet.contains("@example.in"));
    let no_file = cli(&app, "export counts --petition 1 --by state --format xlsx");
    assert_eq!(no_file.status.code(), Some(2), "a workbook needs --out");

    #[derive(QueryableByName)]
    struct Audit {
        #[diesel(sql_type = diesel::sql_types::Text)]
        actor: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        action: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        details: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        row_count: i64,
    }
    let mut conn = app.pool.get().unwrap();
    let audit: Vec<Audit> =
        diesel::sql_query("SELECT actor, action, details, row_count FROM audit_log ORDER BY id")
            .load(&mut conn)
            .unwrap();
    assert_eq!(audit.len(), 7, "every export is audited");
    assert!(audit.iter().all(|a| a.actor.contains("staff-tester")));
    assert_eq!(audit[0].action, "export signatures");
    assert_eq!(audit[0].row_count, 3);
    assert!(audit[2].details.contains("\"with_emails\":true"));
    assert_eq!(audit[3].row_count, 543);
}

async fn unknown_petitions_and_bad_arguments_exit_2(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for args in [
        &["export", "signatures", "--petition", "999"][..],
        &["export", "counts", "--petition", "999", "--by", "state"],
        &["export", "counts", "--petition", "1", "--by", "district"],
        &["export", "signatures", "--petition", "one"],
        &["export", "signatures", "--petition", "1", "--format", "pdf"],
    ] {
        let out = hastakshar(&app, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
        assert!(out.stdout.is_empty(), "{args:?} wrote nothing");
    }
    let out = cli(&app, "export signatures --petition 999");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "hastakshar: no petition 999"
    );
    assert_eq!(
        app.count("audit_log"),
        0,
        "nothing exported, nothing audited"
    );
}

async fn a_representatives_file_is_imported_whole_or_not_at_all(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "pc_id,name,party,email\nS24-77,A New Member,Party,mp@example.in\nS99-99,Nobody,,\nU05-04,,,\n",
    )
    .unwrap();
    let out = cli(
        &app,
        &format!("import representatives {}", bad.to_str().unwrap()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 3: unknown constituency"), "{err}");
    assert!(err.contains("row 4: a name"), "{err}");
    let counts = |app: &TestApp| {
        let rows = csv_rows(&cli(app, "export counts --petition 1 --by constituency"));
        rows.iter().find(|r| &r[0] == "S24-77").unwrap()[4].to_string()
    };
    assert_eq!(counts(&app), "Narendra Modi", "nothing half imported");

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "pc_id,name,party,email,postal_address\nS24-77,A New Member,Party,mp@example.in,\"1 Road, Varanasi\"\n",
    )
    .unwrap();
    let out = cli(
        &app,
        &format!("import representatives {}", good.to_str().unwrap()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(counts(&app), "A New Member");
    assert_eq!(
        app.count("representatives WHERE email = 'mp@example.in'"),
        1
    );
    assert_eq!(
        app.count("audit_log WHERE action = 'import representatives'"),
        1
    );
    let missing = cli(&app, "import representatives /no/such/file.csv");
    assert_eq!(missing.status.code(), Some(2));
}

/// The text of every sheet and the shared strings of a workbook.
fn xlsx_text(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/") || name == "xl/sharedStrings.xml" {
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        }
    }
    text
}
