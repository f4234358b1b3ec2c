//! A petition's picture: its widths as files, which petition shows it, and its description in
//! each language.

use diesel::prelude::*;

use super::schema::{image_files, petition_image_alts, petition_images, petitions};
use super::{DbConnection, now};
use crate::domain::Status;
use crate::i18n::Lang;
use crate::images::Processed;

/// A petition's picture as a page shows it: its widths (narrowest first) and descriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionImage {
    pub digest: String,
    /// `(width, height)` of each width made, narrowest first.
    pub sizes: Vec<(i32, i32)>,
    /// `(lang, alt)`: what the picture shows, in each language the campaigner wrote it in.
    pub alts: Vec<(String, String)>,
}

impl PetitionImage {
    /// The path one width is served at.
    pub fn url(&self, width: i32) -> String {
        format!("/images/{}-{width}.jpg", self.digest)
    }

    /// The description in `lang`, else in the petition's own language `own`, else any.
    pub fn alt(&self, lang: Lang, own: &str) -> &str {
        crate::i18n::in_lang(&self.alts, lang, own).map_or("", |(_, a)| a.as_str())
    }

    /// The `srcset` of every width.
    pub fn srcset(&self) -> String {
        self.sizes
            .iter()
            .map(|(w, _)| format!("{} {w}w", self.url(*w)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The pictures of these petitions, by petition.
pub fn of_petitions(
    conn: &mut DbConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, PetitionImage)>> {
    let rows: Vec<(i64, String, i32, i32)> = petition_images::table
        .inner_join(image_files::table.on(image_files::digest.eq(petition_images::digest)))
        .filter(petition_images::petition_id.eq_any(ids))
        .order((petition_images::petition_id, image_files::width))
        .select((
            petition_images::petition_id,
            petition_images::digest,
            image_files::width,
            image_files::height,
        ))
        .load(conn)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let alts: Vec<(i64, String, String)> = petition_image_alts::table
        .filter(petition_image_alts::petition_id.eq_any(ids))
        .order((petition_image_alts::petition_id, petition_image_alts::lang))
        .select((
            petition_image_alts::petition_id,
            petition_image_alts::lang,
            petition_image_alts::alt,
        ))
        .load(conn)?;
    let mut out: Vec<(i64, PetitionImage)> = Vec::new();
    for (id, digest, w, h) in rows {
        match out.last_mut() {
            Some((last, img)) if *last == id => img.sizes.push((w, h)),
            _ => out.push((
                id,
                PetitionImage {
                    digest,
                    sizes: vec![(w, h)],
                    alts: alts
                        .iter()
                        .filter(|(p, _, _)| *p == id)
                        .map(|(_, l, a)| (l.clone(), a.clone()))
                        .collect(),
                },
            )),
        }
    }
    Ok(out)
}

/// Takes the row lock of a petition its creator may still change (a draft, or one sent back for
/// changes); whether there is one. A moderator's decision waits for the change, or the change
/// finds the petition no longer changeable.
fn lock_changeable(conn: &mut DbConnection, id: i64, creator_id: i64) -> QueryResult<bool> {
    let n = diesel::update(
        petitions::table
            .filter(petitions::id.eq(id))
            .filter(petitions::creator_id.eq(creator_id))
            .filter(petitions::status.eq_any(Status::codes(&[Status::Draft, Status::Changes]))),
    )
    .set(petitions::show_starter.eq(petitions::show_starter))
    .execute(conn)?;
    Ok(n == 1)
}

/// Gives a petition its picture (in place of any before) with its descriptions; false, and
/// nothing written, if it is not its creator's to change.
pub fn set(
    conn: &mut DbConnection,
    id: i64,
    creator_id: i64,
    picture: &Processed,
    alts: &[(Lang, String)],
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        if !lock_changeable(conn, id, creator_id)? {
            return Ok(false);
        }
        for v in &picture.variants {
            let row = (
                image_files::digest.eq(&picture.digest),
                image_files::width.eq(v.width as i32),
                image_files::height.eq(v.height as i32),
                image_files::bytes.eq(&v.jpeg),
            );
            crate::each_backend!(&mut *conn, c => diesel::insert_into(image_files::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(c))?;
        }
        let before = detach(conn, id)?;
        diesel::insert_into(petition_images::table)
            .values((
                petition_images::petition_id.eq(id),
                petition_images::digest.eq(&picture.digest),
                petition_images::created_at.eq(now()),
            ))
            .execute(conn)?;
        for (lang, alt) in alts {
            diesel::insert_into(petition_image_alts::table)
                .values((
                    petition_image_alts::petition_id.eq(id),
                    petition_image_alts::lang.eq(lang.code()),
                    petition_image_alts::alt.eq(alt),
                ))
                .execute(conn)?;
        }
        if let Some(old) = before.filter(|d| *d != picture.digest) {
            forget_if_unused(conn, &old)?;
        }
        Ok(true)
    })
}

/// Takes a petition's picture off; false if it is not its creator's to change.
pub fn remove(conn: &mut DbConnection, id: i64, creator_id: i64) -> QueryResult<bool> {
    conn.transaction(|conn| {
        if !lock_changeable(conn, id, creator_id)? {
            return Ok(false);
        }
        if let Some(old) = detach(conn, id)? {
            forget_if_unused(conn, &old)?;
        }
        Ok(true)
    })
}

/// Unlinks a petition's picture and descriptions; the digest it had.
fn detach(conn: &mut DbConnection, id: i64) -> QueryResult<Option<String>> {
    let before: Option<String> = petition_images::table
        .filter(petition_images::petition_id.eq(id))
        .select(petition_images::digest)
        .first(conn)
        .optional()?;
    diesel::delete(petition_image_alts::table.filter(petition_image_alts::petition_id.eq(id)))
        .execute(conn)?;
    diesel::delete(petition_images::table.filter(petition_images::petition_id.eq(id)))
        .execute(conn)?;
    Ok(before)
}

/// Deletes a picture's files once no petition shows it.
fn forget_if_unused(conn: &mut DbConnection, digest: &str) -> QueryResult<()> {
    let used: i64 = petition_images::table
        .filter(petition_images::digest.eq(digest))
        .count()
        .get_result(conn)?;
    if used == 0 {
        diesel::delete(image_files::table.filter(image_files::digest.eq(digest))).execute(conn)?;
    }
    Ok(())
}

/// One width of a picture, as stored.
pub fn file(conn: &mut DbConnection, digest: &str, width: i32) -> QueryResult<Option<Vec<u8>>> {
    image_files::table
        .filter(image_files::digest.eq(digest))
        .filter(image_files::width.eq(width))
        .select(image_files::bytes)
        .first(conn)
        .optional()
}
