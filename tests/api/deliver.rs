//! Delivery packs: a PDF per member of the Lok Sabha and for the ministry, read back with a PDF
//! text extractor (Hindi included); consent decides every name; packs emailed as attachments to
//! a loopback SMTP server, tracked per recipient, and shown on the petition; staff only.

use std::process::Command;

use hastakshar::accounts::Role;

use crate::exports::cli;
use crate::helpers::{DEMO, Step, TestApp, form, with, with_all};
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

/// The text of a PDF, as `pdftotext` (poppler) extracts it.
pub fn pdf_text(path: &std::path::Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output();
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => panic!(
            "pdftotext failed on {}: {}",
            path.display(),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => {
            assert!(
                std::env::var("CI").map_or(true, |ci| ci != "true"),
                "CI must read the packs: install poppler-utils"
            );
            eprintln!("skipped: install poppler-utils (pdftotext) to read the packs");
            None
        }
    }
}

/// Three confirmed signers in Varanasi (two consenting to delivery, one a formula-shaped name),
/// one in Mumbai South who did not consent, and one unconfirmed.
async fn signers(app: &TestApp) {
    let varanasi =
        |email: &str, name: &str| with_all(form(email), &[("name", name), ("deliver_name", "on")]);
    app.sign_and_confirm(DEMO, &varanasi("a@example.in", "Asha Devi"))
        .await;
    app.sign_and_confirm(DEMO, &varanasi("b@example.in", "Kavita Rao"))
        .await;
    app.sign_and_confirm(DEMO, &with(form("c@example.in"), "name", "Hidden Person"))
        .await;
    let mumbai = with_all(
        form("d@example.in"),
        &[
            ("pin_code", "400001"),
            ("state", "IN-MH"),
            ("constituency", "S13-31"),
            ("name", "Private Mumbaikar"),
        ],
    );
    app.sign_and_confirm(DEMO, &mumbai).await;
    let r = app
        .sign(&crate::helpers::as_refs(&with(
            form("e@example.in"),
            "name",
            "Not Confirmed",
        )))
        .await;
    assert_eq!(r.status(), 303);
    mail_to(app, "e@example.in", "Confirm").await;
}

async fn packs_name_the_member_and_their_constituents(backend: Backend) {
    let mut step = Step::first("setting up");
    let app = TestApp::spawn(backend).await;
    signers(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        &app,
        &format!(
            "deliver packs --petition {DEMO} --out {}",
            dir.path().display()
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["S13-31.pdf", "S24-77.pdf", "index.csv", "ministry.pdf"],
        "a pack per constituency with a signer"
    );
    let index = std::fs::read(dir.path().join("index.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&index[3..])
        .records()
        .map(Result::unwrap)
        .collect();
    let varanasi = rows.iter().find(|r| &r[2] == "S24-77").unwrap();
    assert_eq!(
        (&varanasi[1], &varanasi[5], &varanasi[6]),
        ("Narendra Modi", "3", "2")
    );
    let Some(text) = pdf_text(&dir.path().join("S24-77.pdf")) else {
        return;
    };
    for want in [
        "Dear Narendra Modi",
        "Varanasi",
        "Uttar Pradesh",
        "Asha Devi",
        "Kavita Rao",
        "Cool Men Don't Buy Sex",
    ] {
        assert!(
            text.contains(want),
            "the Varanasi pack says {want:?}:\n{text}"
        );
    }
    let figures: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(figures.contains("Signers in Varanasi 3"), "{figures}");
    // One voice, the signers', and dates in words.
    assert!(
        figures.contains("We are 4 people across India"),
        "{figures}"
    );
    assert!(
        figures.contains("3 of us live in your constituency"),
        "{figures}"
    );
    assert!(!figures.contains("I write"), "{figures}");
    let today = hastakshar::i18n::Lang::En.date(hastakshar::db::petitions::india_today());
    assert!(
        figures.contains(&format!("The petition ran since {today}, still open")),
        "{figures}"
    );
    assert!(
        figures.contains(&today),
        "the letter is dated {today}: {figures}"
    );
    assert!(figures.contains("Signers across India 4"), "{figures}");
    for never in [
        "Hidden Person",
        "Private Mumbaikar",
        "Not Confirmed",
        "@example.in",
    ] {
        assert!(
            !text.contains(never),
            "{never:?} did not consent (or did not confirm)"
        );
    }
    let mumbai = pdf_text(&dir.path().join("S13-31.pdf")).unwrap();
    assert!(mumbai.contains("Arvind Ganpat Sawant") && !mumbai.contains("Private Mumbaikar"));
    let ministry = pdf_text(&dir.path().join("ministry.pdf")).unwrap();
    for want in [
        "Maharashtra",
        "Uttar Pradesh",
        "Mumbai South",
        "Varanasi",
        "Signatures by constituency",
        "None yet",
    ] {
        assert!(ministry.contains(want), "the ministry pack has {want}");
    }
    // The map is drawn: its pages, rasterised, show the shade of 1-9 signatures (Varanasi's and
    // Mumbai South's) and of none.
    let shaded = |shade: (u8, u8, u8)| shade_pixels(&dir.path().join("ministry.pdf"), shade);
    assert!(
        shaded(hastakshar::map::SHADES[1]) > 0,
        "signed seats are shaded"
    );
    assert!(
        shaded(hastakshar::map::SHADES[0]) > 50 * shaded(hastakshar::map::SHADES[1]),
        "most seats are unsigned"
    );

    // In Hindi: shaped, and the text can be copied back out.
    step.next("In Hindi");
    let hi = tempfile::tempdir().unwrap();
    let out = cli(
        &app,
        &format!(
            "deliver packs --petition {DEMO} --out {} --lang hi",
            hi.path().display()
        ),
    );
    assert!(out.status.success());
    let text = pdf_text(&hi.path().join("S24-77.hi.pdf")).unwrap();
    for want in [
        "वाराणसी",
        "उत्तर प्रदेश",
        "हस्ताक्षरकर्ता",
        // The name transliterated, with its official spelling in the address.
        "आदरणीय नरेंद्र मोदी",
        "नरेंद्र मोदी (Narendra Modi)",
        "भारतीय जनता पार्टी",
        "आपके निर्वाचन क्षेत्र वाराणसी में",
        "महिला एवं बाल विकास मंत्रालय",
    ] {
        // Lines wrap where they will: compared with single spaces.
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(want),
            "the Hindi pack says {want:?}:\n{text}"
        );
    }
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["हममें से 3", "से, अब भी खुली"] {
        assert!(
            words.contains(want),
            "the Hindi pack speaks for the signers, with the period in words: {want:?}:\n{words}"
        );
    }
    let today_hi = hastakshar::i18n::Lang::Hi.date(hastakshar::db::petitions::india_today());
    assert!(words.contains(&today_hi), "dated {today_hi}");
    // poppler ignores ActualText, and where a vowel sign sits on its consonant by an offset
    step.next("the Hindi title comes back whole");
    // (कू, के) it sees a gap and adds a space; every character still comes back, in order.
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        joined.contains("कूलपुरुषसेक्सनहींख़रीदते"),
        "the title comes back whole"
    );
    // In Bengali: shaped with Noto Sans Bengali, names in Bengali script.
    step.next("In Bengali");
    let bn = tempfile::tempdir().unwrap();
    let out = cli(
        &app,
        &format!(
            "deliver packs --petition {DEMO} --out {} --lang bn",
            bn.path().display()
        ),
    );
    assert!(out.status.success());
    let text = pdf_text(&bn.path().join("S24-77.bn.pdf")).unwrap();
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for want in ["বারাণসী", "উত্তরপ্রদেশ", "(NarendraModi)", "ভারতীয়জনতাপার্টি"]
    {
        assert!(
            joined.contains(want),
            "the Bengali pack says {want:?}:\n{text}"
        );
    }
    // Every pack is in the audit log.
    step.next("Every pack is in the audit log");
    assert!(app.count("audit_log") >= 2);
}

async fn unknown_petitions_and_constituencies_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let out = cli(
        &app,
        &format!(
            "deliver packs --petition 999 --out {}",
            dir.path().display()
        ),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("no petition 999"));
    let out = cli(&app, "deliver send --petition 999 --dry-run");
    assert_eq!(out.status.code(), Some(2));
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    assert_eq!(moderator.get("/admin/petitions/999/delivery").await.0, 404);
    assert_eq!(
        moderator.get("/admin/petitions/1/packs/S99-99.pdf").await.0,
        404
    );
    assert_eq!(
        moderator
            .get("/admin/petitions/1/exports/nothing.csv")
            .await
            .0,
        404
    );
    assert_eq!(
        moderator
            .get("/admin/petitions/999/exports/signatures.csv")
            .await
            .0,
        404
    );
}

async fn packs_are_emailed_tracked_and_shown(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    signers(&app).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    // Staff give the member for Varanasi and the ministry an address; Mumbai South has none.
    let r = admin
        .submit(
            "/admin/recipients",
            "/admin/recipients/member/S24-77",
            &[
                ("name", "Narendra Modi"),
                ("party", "Bharatiya Janata Party"),
                ("email", "mp.varanasi@example.in"),
                ("postal_address", "Parliament House, New Delhi"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = admin
        .submit(
            "/admin/recipients",
            "/admin/recipients/member/S24-77",
            &[("name", "X"), ("email", "not an email")],
        )
        .await;
    assert_eq!(r.status(), 422, "a bad address is refused");
    let r = admin
        .submit(
            "/admin/recipients",
            "/admin/recipients/ministry/2",
            &[
                ("name", "Ministry of Women and Child Development"),
                ("email", "secretary.wcd@example.in"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (status, page) = admin.get("/admin/petitions/1/delivery").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("2 recipients will get their pack"),
        "the preview counts"
    );
    let before = app.smtp.messages().len();
    let r = admin
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/deliver",
            &[("mode", "dry-run")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let done = location(&r);
    assert!(
        done.starts_with("/admin/petitions/1/delivery?done=dry-run&n=2&missing="),
        "{done}"
    );
    let (_, page) = admin.get(&done).await;
    assert!(
        page.contains("Dry run, nothing was sent: it would send 2 packs"),
        "the page says what the dry run found"
    );
    assert_eq!(app.count("deliveries"), 0, "a dry run sends nothing");
    let r = admin
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/deliver",
            &[("mode", "send")],
        )
        .await;
    assert_eq!(location(&r), "/admin/petitions/1/delivery?done=queued&n=2");
    let (_, page) = admin.get(&location(&r)).await;
    assert!(page.contains("Sent: 2 packs are queued."));
    let mp = mail_to(&app, "mp.varanasi@example.in", "Cool Men").await;
    assert!(
        mp.raw
            .contains("Content-Disposition: attachment; filename=\"S24-77.pdf\"")
    );
    assert!(mp.raw.contains("application/pdf"));
    let ministry = mail_to(&app, "secretary.wcd@example.in", "Cool Men").await;
    assert!(ministry.raw.contains("filename=\"ministry.pdf\""));
    assert_eq!(app.smtp.messages().len(), before + 2);
    // Tracked per recipient, and shown on the petition.
    let deadline = std::time::Instant::now() + crate::helpers::WAIT;
    loop {
        let (_, page) = admin.get("/admin/petitions/1/delivery").await;
        if page.matches(">Sent<").count() == 2 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "both deliveries show as sent"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (_, petition) = app.get_text("/petitions/1").await;
    assert!(
        petition.contains("Delivered to 1 member of Parliament and to the Ministry on"),
        "{petition}"
    );
    // Sending again sends nothing new.
    let r = admin
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/deliver",
            &[("mode", "send")],
        )
        .await;
    assert_eq!(location(&r), "/admin/petitions/1/delivery?done=queued&n=0");
    assert!(app.count("audit_log") >= 3, "every send is audited");
}

async fn only_staff_export_and_deliver(backend: Backend) {
    let mut step = Step::first("setting up");
    let app = TestApp::spawn(backend).await;
    signers(&app).await;
    let campaigner = campaigner(&app, "meera@example.in").await;
    let moderator = staff(&app, "mod@example.in", Role::Moderator).await;
    let admin = staff(&app, "admin@example.in", Role::Admin).await;
    let gets = [
        "/admin/petitions/1/delivery",
        "/admin/petitions/1/exports/signatures.csv",
        "/admin/petitions/1/exports/counts-state.json",
        "/admin/petitions/1/packs/S24-77.pdf",
        "/admin/petitions/1/packs/ministry.pdf",
        "/admin/recipients",
        "/admin/letters",
        "/admin/jobs/1",
    ];
    for path in gets {
        assert_eq!(
            campaigner.get(path).await.0,
            403,
            "GET {path} as a campaigner"
        );
    }
    let token = campaigner.csrf("/dashboard").await;
    for path in [
        "/admin/petitions/1/packs.zip",
        "/admin/petitions/1/deliver",
        "/admin/recipients/member/S24-77",
        "/admin/recipients/ministry/2",
        "/admin/letters",
        "/admin/petitions/1/deliveries/1/retry",
    ] {
        let r = campaigner
            .post(
                path,
                &[
                    ("csrf", &token),
                    ("mode", "send"),
                    ("name", "x"),
                    ("body_en", "x"),
                    ("body_hi", "x"),
                ],
            )
            .await;
        assert_eq!(r.status(), 403, "POST {path} as a campaigner");
    }
    assert_eq!(app.count("deliveries"), 0);
    assert_eq!(
        moderator
            .get("/admin/petitions/1/exports/signatures.csv?with_emails=1")
            .await
            .0,
        403,
        "emails are for admins"
    );
    // Staff get the files; the figures in the web export are the confirmed signatures.
    step.next("Staff get the files; the figures in the web export are the confirmed signatures");
    let (status, body) = moderator
        .get("/admin/petitions/1/exports/counts-state.json")
        .await;
    assert_eq!(status, 200);
    let counts: serde_json::Value = serde_json::from_str(&body).unwrap();
    let total: i64 = counts
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 4);
    let r = admin
        .client
        .get(format!(
            "{}/admin/petitions/1/exports/signatures.csv?with_emails=1",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let csv = r.text().await.unwrap();
    assert!(csv.contains("Asha Devi") && !csv.contains("Hidden Person"));
    let r = moderator
        .client
        .get(format!(
            "{}/admin/petitions/1/packs/S24-77.pdf?lang=hi",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(
        r.headers()["content-disposition"],
        "inline; filename=\"S24-77.hi.pdf\"",
        "a Hindi pack is named as one"
    );
    let hindi = r.bytes().await.unwrap();
    assert!(hindi.starts_with(b"%PDF"));
    let r = moderator
        .client
        .get(format!(
            "{}/admin/petitions/1/packs/S24-77.hi.pdf",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["content-disposition"],
        "inline; filename=\"S24-77.hi.pdf\""
    );
    let r = moderator
        .client
        .get(format!(
            "{}/admin/petitions/1/packs/S24-77.pdf",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["content-disposition"],
        "inline; filename=\"S24-77.pdf\""
    );
    // The zip of every pack runs in the background, with a page to come back to.
    step.next("The zip of every pack runs in the background, with a page to come back to");
    let r = moderator
        .submit(
            "/admin/petitions/1/delivery",
            "/admin/petitions/1/packs.zip",
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let job = location(&r);
    let deadline = std::time::Instant::now() + crate::helpers::WAIT;
    loop {
        let (status, page) = moderator.get(&job).await;
        assert_eq!(status, 200);
        if page.contains("Download the zip") {
            break;
        }
        assert!(!page.contains("Failed"), "{page}");
        assert!(std::time::Instant::now() < deadline, "the zip is made");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let r = moderator
        .client
        .get(format!("{}{job}/download", app.address))
        .send()
        .await
        .unwrap();
    let bytes = r.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["S13-31.pdf", "S24-77.pdf", "index.csv", "ministry.pdf"],
        "the zip carries the command's index.csv"
    );
    let mut index = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("index.csv").unwrap(), &mut index).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&index[3..])
        .records()
        .map(Result::unwrap)
        .collect();
    let files: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(files, ["S13-31.pdf", "S24-77.pdf", "ministry.pdf"]);
    let varanasi = rows.iter().find(|r| &r[2] == "S24-77").unwrap();
    assert_eq!(&varanasi[1], "Narendra Modi");
    // A job whose server stopped while it ran is shown as failed, not as running for ever.
    step.next(
        "A job whose server stopped while it ran is shown as failed, not as running for ever",
    );
    let stale: i64 = {
        use diesel::prelude::*;
        use hastakshar::db::schema::staff_jobs;
        let mut conn = app.pool.get().unwrap();
        let long_ago = hastakshar::db::now() - chrono::Duration::minutes(30);
        diesel::insert_into(staff_jobs::table)
            .values((
                staff_jobs::kind.eq("packs.zip"),
                staff_jobs::petition_id.eq(1i64),
                staff_jobs::status.eq("running"),
                staff_jobs::created_by.eq("test"),
                staff_jobs::created_at.eq(long_ago),
                staff_jobs::heartbeat_at.eq(long_ago),
            ))
            .returning(staff_jobs::id)
            .get_result(&mut conn)
            .unwrap()
    };
    let (status, page) = moderator.get(&format!("/admin/jobs/{stale}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Failed") && page.contains("interrupted"),
        "{page}"
    );
}

on_both_backends!(
    packs_name_the_member_and_their_constituents,
    unknown_petitions_and_constituencies_are_refused,
    packs_are_emailed_tracked_and_shown,
    only_staff_export_and_deliver,
);

/// How many pixels of the PDF's pages, rasterised at 40 dpi by poppler, are `shade`.
fn shade_pixels(pdf: &std::path::Path, shade: (u8, u8, u8)) -> usize {
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "40", "-png"])
        .arg(pdf)
        .arg(out.path().join("page"))
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut n = 0;
    for page in std::fs::read_dir(out.path()).unwrap() {
        let img = image::open(page.unwrap().path()).unwrap().into_rgb8();
        n += img
            .pixels()
            .filter(|p| {
                p.0.iter()
                    .zip([shade.0, shade.1, shade.2])
                    .all(|(a, b)| a.abs_diff(b) <= 2)
            })
            .count();
    }
    n
}
