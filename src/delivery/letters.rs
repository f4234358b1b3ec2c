//! The letter at the head of every pack: its template in each language, as staff edit it, and
//! its placeholders.

use diesel::{Connection, QueryResult};

use crate::db::{DbConnection, audit};
use crate::i18n::Lang;

/// The letter form's field for each language's template.
pub fn letter_field(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "body_en",
        Lang::Hi => "body_hi",
        Lang::Bn => "body_bn",
    }
}

/// Saves the letter templates, one per language, all or none.
pub fn save_templates(
    conn: &mut DbConnection,
    bodies: &[(Lang, String)],
    actor: &crate::db::audit::Actor,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        for (lang, body) in bodies {
            let (lang, body) = (*lang, body.as_str());
            crate::db::delivery::put_template(conn, lang, body, actor.as_str())?;
            audit::note(
                conn,
                actor,
                crate::db::audit::Action::LetterEdit,
                None,
                serde_json::json!({ "lang": lang.code() }),
            )?;
        }
        Ok(())
    })
}

/// The placeholders a letter template may use.
pub const PLACEHOLDERS: [&str; 9] = [
    "{member}",
    "{constituency}",
    "{state}",
    "{count}",
    "{state_count}",
    "{national_count}",
    "{title}",
    "{action}",
    "{opened}",
];

/// Fills a template's placeholders; anything else in braces stays as written.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(k, v);
    }
    out
}
