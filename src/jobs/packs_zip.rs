//! The zip of every delivery pack, made in the background for the delivery page. It takes a
//! database connection only for each query (the PDFs take minutes to render, and a held
//! connection would be one fewer for signers all that time), writes a file only this program's
//! user may read, and says how it went in its job's row.

use diesel::Connection;

use crate::db::{self, DbPool, jobs};
use crate::delivery;
use crate::i18n::Lang;

/// A file only its owner (this program's user) may read: the zip holds signers' names.
fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes the zip, taking a database connection only for each query (the PDFs take minutes to
/// render, and a held connection would be one fewer for signers all that time).
pub fn run(
    pool: &DbPool,
    keys: &crate::seal::Keys,
    dir: &std::path::Path,
    job: i64,
    petition: i64,
    lang: Lang,
    actor: &crate::db::audit::Actor,
) {
    let run = || -> anyhow::Result<()> {
        let plan = delivery::plan(&mut *pool.get()?, keys, petition, lang)?;
        std::fs::create_dir_all(dir)?;
        // A random part too: two databases (a test's, a staging copy's) can share the folder.
        let file = dir.join(format!(
            "job-{job}-petition-{petition}-{}.zip",
            uuid::Uuid::new_v4().simple()
        ));
        let part = file.with_extension("part");
        let mut zip = zip::ZipWriter::new(private_file(&part)?);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let written = delivery::each_pack(
            &mut delivery::Db::Pool(pool),
            &plan,
            false,
            |name, bytes| {
                zip.start_file(name, options)
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                Ok(std::io::Write::write_all(&mut zip, bytes)?)
            },
            |db, done, total| {
                if done % 10 == 0 || done == 1 {
                    db.with(|c| Ok(jobs::progress(c, job, done as i64, total as i64)?))?;
                }
                Ok(())
            },
        )?;
        let total = written.packs as i64;
        zip.start_file("index.csv", options)?;
        std::io::Write::write_all(&mut zip, &delivery::index_csv(&written)?)?;
        zip.finish()?;
        std::fs::rename(&part, &file)?;
        let mut conn = pool.get()?;
        conn.transaction(|c| {
            db::audit::record(
                c,
                &db::audit::Entry {
                    actor,
                    action: crate::db::audit::Action::DeliverPacksZip,
                    petition_id: Some(petition),
                    details: serde_json::json!({ "job": job, "lang": lang.code() }),
                    row_count: total,
                },
            )?;
            jobs::finish(c, job, total, &file.display().to_string())
        })?;
        Ok(())
    };
    if let Err(e) = run() {
        tracing::error!(job, error = %e, "zip of packs failed");
        if let Ok(mut conn) = pool.get() {
            let _ = jobs::fail(&mut conn, job, &e.to_string());
        }
    }
}
