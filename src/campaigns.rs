//! Starting a petition: the form a campaigner fills in, checked into a draft.

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::petitions::{Petition, Recipient};
use crate::domain::Status;
use crate::forms::{Form, Problems};
use crate::i18n::Lang;

pub const TITLE_MAX: usize = 80;
pub const ACTION_MAX: usize = 300;
pub const WHY_MAX: usize = 3_000;
pub const OTHER_RECIPIENTS_MAX: usize = 300;
pub const GOAL_MAX: i64 = 100_000_000;
pub const UPDATE_TITLE_MAX: usize = 120;
pub const UPDATE_BODY_MAX: usize = 5_000;

/// One language's text of a petition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub lang: Lang,
    pub title: String,
    pub action: String,
    pub background: String,
}

/// A petition as its creator wrote it, every field checked.
#[derive(Debug, Clone)]
pub struct Draft {
    pub lang: Lang,
    pub texts: Vec<Text>,
    pub recipient_ids: Vec<i64>,
    pub other_recipients: String,
    pub goal: i64,
    pub closes_at: NaiveDateTime,
    /// The starter agreed to have their name shown on the petition.
    pub show_starter: bool,
}

/// The field names of the petition form; the translation's fields end in `_tr`.
pub const FIELDS: [&str; 10] = [
    "lang",
    "title",
    "action",
    "background",
    "title_tr",
    "action_tr",
    "background_tr",
    "recipients",
    "goal",
    "closes_on",
];

/// Checks the petition form. `today` and `max_days` bound the closing date.
pub fn validate(
    form: &Form,
    choices: &[Recipient],
    today: NaiveDate,
    max_days: i64,
) -> Result<Draft, Problems> {
    let mut p = Problems::default();
    let lang = Lang::parse(form.get("lang"));
    if lang.is_none() {
        p.add("lang", "error-choose");
    }
    let title = p.text(form, "title", TITLE_MAX);
    let action = p.text(form, "action", ACTION_MAX);
    let background = p.text(form, "background", WHY_MAX);
    let has_translation = ["title_tr", "action_tr", "background_tr"]
        .iter()
        .any(|f| !form.get(f).trim().is_empty());
    let translation = if has_translation {
        Some((
            p.text(form, "title_tr", TITLE_MAX),
            p.text(form, "action_tr", ACTION_MAX),
            p.optional_text(form, "background_tr", WHY_MAX),
        ))
    } else {
        None
    };
    let mut recipient_ids = Vec::new();
    for raw in form.all("recipients") {
        match raw.parse::<i64>() {
            Ok(id) if choices.iter().any(|c| c.id == id) => {
                if !recipient_ids.contains(&id) {
                    recipient_ids.push(id)
                }
            }
            _ => p.add("recipients", "error-choose"),
        }
    }
    let other_recipients = p.optional_text(form, "other_recipients", OTHER_RECIPIENTS_MAX);
    if recipient_ids.is_empty() && other_recipients.is_empty() {
        p.add("recipients", "error-recipients");
    }
    let goal = match form
        .get("goal")
        .trim()
        .replace([',', ' '], "")
        .parse::<i64>()
    {
        Ok(g) if (1..=GOAL_MAX).contains(&g) => g,
        _ if form.get("goal").trim().is_empty() => {
            p.add("goal", "error-required");
            0
        }
        _ => {
            p.add("goal", "error-goal");
            0
        }
    };
    let closes = match NaiveDate::parse_from_str(form.get("closes_on").trim(), "%Y-%m-%d") {
        Ok(d) if d > today && d <= today + chrono::Duration::days(max_days) => Some(d),
        Ok(_) => {
            p.add("closes_on", "error-closes-range");
            None
        }
        Err(_) if form.get("closes_on").trim().is_empty() => {
            p.add("closes_on", "error-required");
            None
        }
        Err(_) => {
            p.add("closes_on", "error-date");
            None
        }
    };
    match (lang, closes) {
        (Some(lang), Some(closes)) if p.is_empty() => {
            let mut texts = vec![Text {
                lang,
                title,
                action,
                background,
            }];
            if let Some((title, action, background)) = translation {
                texts.push(Text {
                    lang: other(lang),
                    title,
                    action,
                    background,
                });
            }
            Ok(Draft {
                lang,
                texts,
                recipient_ids,
                other_recipients,
                goal,
                // The petition runs to the end of its closing day, India time (UTC+5:30).
                closes_at: closes.and_hms_opt(18, 29, 59).unwrap_or_default(),
                show_starter: form.get("show_starter") == "on",
            })
        }
        _ => Err(p),
    }
}

/// The languages an update may be written in: the petition's own, and its other one when the
/// petition has a text in it.
pub fn update_langs(petition: &crate::db::petitions::Petition) -> (Lang, Option<Lang>) {
    let main = Lang::parse(&petition.row.lang).unwrap_or_default();
    let other = other(main);
    let translated = petition.texts.iter().any(|t| t.lang == other.code());
    (main, translated.then_some(other))
}

pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Hi,
        Lang::Hi | Lang::Bn => Lang::En,
    }
}

/// The form filled in from a petition, to edit it.
pub fn form_from(p: &Petition) -> Form {
    let lang = Lang::parse(&p.row.lang).unwrap_or_default();
    let main = p.texts.iter().find(|t| t.lang == lang.code());
    let tr = p.texts.iter().find(|t| t.lang == other(lang).code());
    let goal = p.row.goal.to_string();
    let closes = p
        .row
        .closes_at
        .map(|c| c.date().to_string())
        .unwrap_or_default();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("lang", lang.code()),
        ("goal", &goal),
        ("closes_on", &closes),
        ("other_recipients", &p.row.other_recipients),
    ];
    if p.row.show_starter {
        pairs.push(("show_starter", "on"));
    }
    if let Some(t) = main {
        pairs.extend([
            ("title", t.title.as_str()),
            ("action", t.action.as_str()),
            ("background", t.background.as_str()),
        ]);
    }
    if let Some(t) = tr {
        pairs.extend([
            ("title_tr", t.title.as_str()),
            ("action_tr", t.action.as_str()),
            ("background_tr", t.background.as_str()),
        ]);
    }
    let ids: Vec<String> = p.recipients.iter().map(|r| r.id.to_string()).collect();
    let mut form = Form::from_pairs(&pairs);
    for id in &ids {
        form.push("recipients", id);
    }
    form
}

/// Emails a petition's creator about what just happened to it: `event` names the messages
/// (`email-{event}-subject` and `-body`), `note` is the moderators' word when there is one.
pub fn notify_creator(
    c: &mut crate::db::DbConnection,
    keys: &crate::seal::Keys,
    p: &Petition,
    event: &str,
    base_url: &str,
    note: Option<&str>,
) -> diesel::QueryResult<()> {
    let Some((email, lang)) = crate::db::campaigns::creator_contact(c, p)? else {
        return Ok(());
    };
    let lang = Lang::parse(&lang).unwrap_or_default();
    let link = if matches!(p.status(), Status::Open | Status::Closed) && event != "hidden" {
        format!("{base_url}{}", lang.url(&format!("/petitions/{}", p.id())))
    } else {
        format!(
            "{base_url}{}",
            lang.url(&format!("/dashboard/petitions/{}", p.id()))
        )
    };
    let mail = crate::views::email::creator_notice(
        &crate::views::email::To::new(lang, base_url),
        event,
        &p.text(lang).title,
        p.row.signature_count,
        note,
        &link,
    );
    crate::db::outbox::enqueue(
        c,
        keys,
        &mail.outbox(crate::db::outbox::MailKind::CreatorNotice, &email),
    )
}

/// A creator writes an update to their signers: it waits for a moderator, and the writing is
/// noted in the audit log.
pub fn write_update(
    c: &mut crate::db::DbConnection,
    petition_id: i64,
    creator: &crate::db::users::User,
    written: &crate::db::updates::NewUpdate<'_>,
) -> diesel::QueryResult<i64> {
    use diesel::Connection;
    c.transaction(|c| {
        let update = crate::db::updates::create(c, petition_id, creator.id, written)?;
        crate::db::audit::note(
            c,
            &creator.actor(),
            crate::db::audit::Action::UpdateWrite,
            Some(petition_id),
            serde_json::json!({ "update": update }),
        )?;
        Ok(update)
    })
}

/// The unsubscribe link's MAC message for a signature.
pub fn unsubscribe_message(signature_id: i64) -> String {
    format!("unsubscribe:{signature_id}")
}

/// The one-click unsubscribe link of an update email: no login, the MAC is the authority.
pub fn unsubscribe_url(base_url: &str, key: &[u8], signature_id: i64) -> String {
    format!(
        "{base_url}/unsubscribe/{signature_id}/{}",
        crate::tokens::mac(key, &unsubscribe_message(signature_id))
    )
}

/// Why a moderator refuses a petition.
pub const REJECT_REASONS: [&str; 5] = [
    "duplicate",
    "not-actionable",
    "offensive",
    "private-person",
    "other",
];

/// An update as written: title and body in the petition's language, and the translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateText {
    pub title: String,
    pub body: String,
    /// Title and body in the petition's other language, when one is written.
    pub translation: Option<(String, String)>,
}

/// An update a creator writes to the signers. `translated`: the petition has a text in its
/// other language, so the update may have one too (`title_tr`, `body_tr`: both or neither).
pub fn validate_update(form: &Form, translated: bool) -> Result<UpdateText, Problems> {
    let mut p = Problems::default();
    let title = p.text(form, "title", UPDATE_TITLE_MAX);
    let body = p.text(form, "body", UPDATE_BODY_MAX);
    let wants_translation = translated
        && ["title_tr", "body_tr"]
            .iter()
            .any(|f| !form.get(f).trim().is_empty());
    let translation = wants_translation.then(|| {
        (
            p.text(form, "title_tr", UPDATE_TITLE_MAX),
            p.text(form, "body_tr", UPDATE_BODY_MAX),
        )
    });
    if p.is_empty() {
        Ok(UpdateText {
            title,
            body,
            translation,
        })
    } else {
        Err(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Recipient> {
        vec![Recipient {
            id: 1,
            kind: "parliament".into(),
            name: "Parliament of India".into(),
            name_hi: "भारत की संसद".into(),
            name_bn: "ভারতের সংসদ".into(),
        }]
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn good() -> Vec<(&'static str, String)> {
        vec![
            ("lang", "en".into()),
            ("title", "Shelters for survivors".into()),
            ("action", "Fund one shelter in every district.".into()),
            (
                "background",
                "Because **no one** should be sent back.".into(),
            ),
            ("recipients", "1".into()),
            ("goal", "10,000".into()),
            ("closes_on", "2027-03-01".into()),
        ]
    }

    fn form(pairs: &[(&'static str, String)]) -> Form {
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Form::from_pairs(&refs)
    }

    fn problems(pairs: &[(&'static str, String)]) -> Vec<&'static str> {
        validate(&form(pairs), &choices(), today(), 183)
            .unwrap_err()
            .0
            .iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_good_petition_is_a_draft() {
        let d = validate(&form(&good()), &choices(), today(), 183).unwrap();
        assert_eq!(d.goal, 10_000);
        assert_eq!(d.texts.len(), 1);
        assert_eq!(d.recipient_ids, [1]);
    }

    #[test]
    fn each_bad_field_is_named() {
        let with = |k: &'static str, v: &str| {
            let mut f = good();
            f.retain(|(f, _)| *f != k);
            f.push((k, v.to_string()));
            f
        };
        assert_eq!(problems(&with("title", &"x".repeat(81))), ["title"]);
        assert_eq!(problems(&with("action", "")), ["action"]);
        assert_eq!(problems(&with("goal", "lots")), ["goal"]);
        assert_eq!(problems(&with("closes_on", "2028-01-01")), ["closes_on"]);
        assert_eq!(problems(&with("closes_on", "2026-11-29")), ["closes_on"]);
        assert_eq!(problems(&with("recipients", "99")), ["recipients"]);
        assert_eq!(problems(&with("lang", "fr")), ["lang"]);
        assert_eq!(problems(&with("title_tr", "केवल शीर्षक")), ["action_tr"]);
    }

    #[test]
    fn a_translation_is_the_other_language() {
        let mut f = good();
        f.push(("title_tr", "आश्रय".into()));
        f.push(("action_tr", "हर ज़िले में आश्रय".into()));
        let d = validate(&form(&f), &choices(), today(), 183).unwrap();
        assert_eq!(d.texts[1].lang, Lang::Hi);
        assert_eq!(d.texts[1].background, "");
    }
}
