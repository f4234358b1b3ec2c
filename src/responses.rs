//! Responses and thresholds as staff type them: every field checked, each refusal naming its
//! field, so that nothing half-right is recorded or sent to the signers.

use chrono::{Datelike, NaiveDate};

use crate::db::petitions::Petition;
use crate::db::responses::{Responder, STANCES, Threshold};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::refdata::INDIA;

/// Longest reply kept, in characters.
pub const BODY_MAX: usize = 5_000;
/// Largest letter, in bytes: the upload route's file limit.
pub const DOCUMENT_MAX: usize = crate::images::MAX_BYTES;
/// Longest text of a threshold, in characters.
pub const THRESHOLD_TEXT_MAX: usize = 200;
/// The largest threshold: as many signatures as a petition may aim for.
pub const THRESHOLD_MAX: i64 = crate::campaigns::GOAL_MAX;

/// A response that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    pub who: Responder,
    pub stance: &'static str,
    pub received_on: NaiveDate,
    pub lang: Lang,
    pub body: String,
}

/// Checks the response form of `petition`, with its letter if one was chosen; `today` is
/// India's day (a reply cannot come from the future).
pub fn check(
    petition: &Petition,
    form: &Form,
    document: Option<&[u8]>,
    today: NaiveDate,
) -> Result<Valid, Problems> {
    let mut problems = Problems::default();
    let who = form.get("who");
    let who = if let Some(pc) = who.strip_prefix("pc:") {
        INDIA
            .constituency(pc)
            .map(|c| Responder::Member(c.pc_id.clone()))
    } else if let Some(id) = who.strip_prefix("r:") {
        id.parse::<i64>()
            .ok()
            .filter(|id| petition.recipients.iter().any(|r| r.id == *id))
            .map(Responder::Recipient)
    } else {
        None
    };
    if who.is_none() {
        problems.add("who", "error-response-who");
    }
    let received_on = NaiveDate::parse_from_str(form.get("received_on").trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| *d <= today && d.year() >= 2000);
    if received_on.is_none() {
        problems.add("received_on", "error-response-date");
    }
    let stance = STANCES.into_iter().find(|s| *s == form.get("stance"));
    if stance.is_none() {
        problems.add("stance", "error-response-stance");
    }
    let lang = Lang::parse(form.get("lang"));
    if lang.is_none() {
        problems.add("lang", "error-response-lang");
    }
    // A reply's words are needed unless there is none yet.
    let body = if stance == Some("no_reply") {
        problems.optional_text(form, "body", BODY_MAX)
    } else {
        problems.text(form, "body", BODY_MAX)
    };
    if let Some(bytes) = document
        && let Err(key) = check_pdf(bytes)
    {
        problems.add("document", key);
    }
    match (who, received_on, stance, lang) {
        (Some(who), Some(received_on), Some(stance), Some(lang)) if problems.is_empty() => {
            Ok(Valid {
                who,
                stance,
                received_on,
                lang,
                body,
            })
        }
        _ => Err(problems),
    }
}

/// A letter is a PDF by its content, not its name: it starts with a PDF header and ends with
/// the end-of-file marker, within `DOCUMENT_MAX`.
pub fn check_pdf(bytes: &[u8]) -> Result<(), &'static str> {
    if bytes.len() > DOCUMENT_MAX {
        return Err("error-response-document-size");
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let ends = tail.windows(5).any(|w| w == b"%%EOF");
    if bytes.starts_with(b"%PDF-") && ends {
        Ok(())
    } else {
        Err("error-response-document-type")
    }
}

/// The languages a petition's thresholds are written in, with their field names: its own
/// (`text`), then its translation's (`text_tr`), as its updates are.
pub fn threshold_langs(p: &Petition) -> Vec<(&'static str, Lang)> {
    let (main, other) = crate::campaigns::update_langs(p);
    std::iter::once(("text", main))
        .chain(other.map(|o| ("text_tr", o)))
        .collect()
}

/// Checks the threshold form of `petition`: a number and its text in each of its languages.
pub fn check_threshold(petition: &Petition, form: &Form) -> Result<Threshold, Problems> {
    let mut problems = Problems::default();
    let signatures = form
        .get("signatures")
        .trim()
        .replace(',', "")
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=THRESHOLD_MAX).contains(n));
    if signatures.is_none() {
        problems.add("signatures", "error-threshold-signatures");
    }
    let texts: Vec<(String, String)> = threshold_langs(petition)
        .into_iter()
        .map(|(field, l)| {
            (
                l.code().to_string(),
                problems.text(form, field, THRESHOLD_TEXT_MAX),
            )
        })
        .collect();
    match signatures {
        Some(signatures) if problems.is_empty() => Ok(Threshold { signatures, texts }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_is_a_pdf_by_its_content() {
        assert_eq!(check_pdf(b"%PDF-1.4\n...\n%%EOF\n"), Ok(()));
        assert_eq!(
            check_pdf(b"<html>%PDF-1.4 %%EOF"),
            Err("error-response-document-type")
        );
        assert_eq!(
            check_pdf(b"%PDF-1.4 cut short"),
            Err("error-response-document-type")
        );
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(DOCUMENT_MAX + 1, b' ');
        big.extend_from_slice(b"%%EOF");
        assert_eq!(check_pdf(&big), Err("error-response-document-size"));
    }
}
