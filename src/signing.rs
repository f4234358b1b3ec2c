//! Signing a petition: the form as sent, its validation into domain values, and the store.

use crate::db::outbox::MailKind;
use crate::db::signatures::{self, NewSignature, Signed};
use crate::db::{self, DbError, DbPool, petitions::Petition};
use crate::domain::{EmailAddress, Invalid, PinCode, SignerName, Status};
use crate::forms::{Form, Problems};
use crate::i18n::Lang;
use crate::integrity::rules::Action;
use crate::integrity::{FormSignals, Integrity, Signals};
use crate::privacy::manage::SignerMail;
use crate::refdata::INDIA;
use crate::tokens;
use crate::views;

/// The sign form as the signer filled it in, kept verbatim to show it again on an error.
#[derive(Debug, Clone, Default)]
pub struct SignForm {
    pub name: String,
    pub email: String,
    pub pin_code: String,
    pub state: String,
    pub constituency: String,
    pub show_name: bool,
    pub deliver_name: bool,
    pub updates: bool,
    /// "I am 18 or older": required.
    pub adult: bool,
    pub captcha: String,
    /// The share key of a petition still gathering its first supporters.
    pub key: String,
    /// The `?source=` code of the link the signer came by, carried in a hidden field.
    pub source: String,
    /// The hidden fields: when the form was served, and the honeypot.
    pub signals: FormSignals,
}

impl SignForm {
    /// Reads an `application/x-www-form-urlencoded` body through the one form reader
    /// (`forms::Form`): its length limit, and invalid UTF-8 as U+FFFD, which the validators
    /// refuse, so hostile bytes get a 422 rather than an error page.
    pub fn from_urlencoded(body: &[u8]) -> SignForm {
        SignForm::from_form(&Form::parse(body))
    }

    pub fn from_form(f: &Form) -> SignForm {
        SignForm {
            name: f.get("name").to_string(),
            email: f.get("email").to_string(),
            pin_code: f.get("pin_code").to_string(),
            state: f.get("state").to_string(),
            constituency: f.get("constituency").to_string(),
            show_name: f.checked("show_name"),
            deliver_name: f.checked("deliver_name"),
            updates: f.checked("updates"),
            adult: f.checked("adult"),
            captcha: f.get("h-captcha-response").to_string(),
            key: f.get("key").to_string(),
            source: f.get("source").to_string(),
            signals: FormSignals {
                served: f.get(crate::integrity::signals::SERVED_FIELD).to_string(),
                honeypot: f.get(crate::integrity::signals::HONEYPOT_FIELD).to_string(),
            },
        }
    }

    /// Fills state and constituency from the PIN code where the directory knows it, leaving
    /// choices the signer already made alone.
    pub fn prefill_from_pin(&mut self) {
        let Ok(pin) = PinCode::parse(&self.pin_code) else {
            return;
        };
        let Some(p) = INDIA.pin(pin.value()) else {
            return;
        };
        if self.state.is_empty() || !pin.in_state(&self.state) {
            self.state = p.state_code.clone();
        }
        let pc_fits = INDIA
            .constituency(&self.constituency)
            .is_some_and(|c| c.state_code == self.state);
        if !pc_fits {
            self.constituency = p
                .primary_pc_id
                .clone()
                .filter(|pc| {
                    INDIA
                        .constituency(pc)
                        .is_some_and(|c| c.state_code == self.state)
                })
                .unwrap_or_default();
        }
    }
}

#[derive(Debug, Clone)]
pub struct ValidSignature {
    pub name: SignerName,
    pub email: EmailAddress,
    pub pin: PinCode,
    pub state: String,
    pub pc_id: String,
    pub show_name: bool,
    pub deliver_name: bool,
    pub updates: bool,
    /// The link's source code, if it was a valid one (never an error: the signer did not type it).
    pub source: Option<String>,
}

/// Checks the sign form into domain values; `Err` names every field at fault, in the form's
/// order, each with the message that says why.
pub fn validate(f: &SignForm) -> Result<ValidSignature, Problems> {
    let mut errors = Problems::default();
    let mut check = |field: &'static str, r: Result<(), Invalid>| {
        if let Err(invalid) = r {
            errors.add(field, invalid.key());
        }
    };
    let name = SignerName::parse(&f.name);
    check("name", name.as_ref().map(|_| ()).map_err(|e| *e));
    let email = EmailAddress::parse(&f.email);
    check("email", email.as_ref().map(|_| ()).map_err(|e| *e));
    let state = INDIA.state(f.state.trim());
    check(
        "state",
        match (f.state.trim().is_empty(), state) {
            (true, _) => Err(Invalid::Required),
            (false, None) => Err(Invalid::State),
            _ => Ok(()),
        },
    );
    let pin = PinCode::parse(&f.pin_code);
    check(
        "pin_code",
        match (&pin, state) {
            (Err(e), _) => Err(*e),
            (Ok(p), Some(s)) if !p.in_state(&s.code) => Err(Invalid::PinState),
            _ => Ok(()),
        },
    );
    let pc = INDIA.constituency(f.constituency.trim());
    check(
        "constituency",
        match (f.constituency.trim().is_empty(), pc, state) {
            (true, _, _) => Err(Invalid::Required),
            (false, None, _) => Err(Invalid::Constituency),
            (false, Some(c), Some(s)) if c.state_code != s.code => Err(Invalid::ConstituencyState),
            _ => Ok(()),
        },
    );
    check("adult", if f.adult { Ok(()) } else { Err(Invalid::Adult) });
    match (name, email, pin, state, pc) {
        (Ok(name), Ok(email), Ok(pin), Some(state), Some(pc)) if errors.is_empty() => {
            Ok(ValidSignature {
                name,
                email,
                pin,
                state: state.code.clone(),
                pc_id: pc.pc_id.clone(),
                show_name: f.show_name,
                deliver_name: f.deliver_name,
                updates: f.updates,
                source: crate::domain::source_code(&f.source),
            })
        }
        _ => Err(errors),
    }
}

/// What signing needs besides the signature: where to store it, the rules, and the site.
pub struct Desk<'a> {
    pub pool: &'a DbPool,
    /// The site, and the keys that seal the signer's name and address and sign the link that
    /// manages their signature.
    pub mail: &'a SignerMail,
    pub integrity: &'a Integrity,
    pub max_sends: i32,
    /// The client's cell of the shared signing quota, taken on the signature's own connection
    /// just before it is written (PostgreSQL; `None` on SQLite, where the limit is in memory).
    pub quota: Option<crate::ratelimit::Ticket>,
}

/// Puts the signature to the rules, then stores it (held, if a rule says so) with its email;
/// see `db::signatures::sign` for the cases. A signature a rule blocks is not stored and nothing
/// is sent: `Signed::Blocked`, which the signer is never told.
pub async fn sign(
    desk: Desk<'_>,
    petition: &Petition,
    v: ValidSignature,
    lang: Lang,
    signals: Signals,
) -> Result<Signed, DbError> {
    let canonical = EmailAddress::canonical(v.email.as_str());
    let verdict = desk
        .integrity
        .judge(desk.pool, petition.id(), &canonical, &signals)
        .await?;
    if verdict == Some(Action::Block) {
        return Ok(Signed::Blocked);
    }
    let (max_sends, quota) = (desk.max_sends, desk.quota);
    let (base_url, keys) = (desk.mail.base_url.as_str(), &desk.mail.keys);
    // The address is stored sealed, and compared by its blind index: a copy of the database
    // shows neither. Older rows may still hold another key's index, or none: `also` finds them
    // (looked for only while there may be such rows: it is a query on each signature).
    let index = keys.index(&canonical);
    let also: Vec<String> = if desk.mail.older_forms() {
        keys.indexes(&canonical)
            .into_iter()
            .filter(|i| *i != index)
            .collect()
    } else {
        Vec::new()
    };
    let to = desk.mail.to(lang, &canonical);
    let token = tokens::new_token();
    // Links in the signer's language: they open on another device, without its cookie.
    let link = format!(
        "{base_url}{}",
        lang.url(&format!("/confirm/{}", token.plain))
    );
    let petition_url = format!(
        "{base_url}{}",
        lang.url(&format!("/petitions/{}", petition.id()))
    );
    let title = petition.text(lang).title.clone();
    let recipient = v.email.as_str().to_string();
    let new = NewSignature {
        petition_id: petition.id(),
        email: keys.seal(&recipient),
        name: keys.seal(v.name.as_str()),
        pin_code: v.pin.to_string(),
        state_code: v.state,
        pc_id: v.pc_id,
        show_name: v.show_name,
        deliver_name: v.deliver_name,
        updates: v.updates,
        lang: lang.code().to_string(),
        created_at: db::now(),
        email_canonical: index,
        email_domain: signals.domain,
        network: signals.network,
        ip_hash: signals.ip_hash,
        disposable: signals.disposable,
        form_seconds: signals.form_seconds,
        honeypot: signals.honeypot,
        held: verdict == Some(Action::Hold),
        key_id: Some(keys.primary_id().to_string()),
        consent_version: Some(
            crate::privacy::consent::ConsentSet::current(lang)
                .version
                .clone(),
        ),
        source: v.source,
    };
    let keys = keys.clone();
    let email = move |kind: MailKind, mail: views::email::Email| {
        mail.outbox(kind, &recipient).stored(&keys)
    };
    // A petition gathering its first supporters has not been moderated: anyone can type any
    // address into its form, so its title stays out of the email.
    let unmoderated = petition.status() == Status::Gathering;
    // Rendered and sealed before the writer's turn (on SQLite a process-wide lock), not inside
    // it: nearly every signing sends this one. The rare "already signed" email is made when
    // needed.
    let confirmation = email(
        MailKind::ConfirmSignature,
        if unmoderated {
            views::email::confirm_support(&to, &link)
        } else {
            views::email::confirm_signature(&to, &title, &link, &petition_url)
        },
    );
    let held = verdict == Some(Action::Hold);
    let signed = db::write_grouped(desk.pool, move |conn| {
        let email_for = |outcome: Signed| match outcome {
            Signed::New | Signed::Held | Signed::StillPending => Some(confirmation.clone()),
            Signed::AlreadyConfirmed if unmoderated => Some(email(
                MailKind::AlreadySigned,
                views::email::already_supported(&to),
            )),
            Signed::AlreadyConfirmed => Some(email(
                MailKind::AlreadySigned,
                views::email::already_signed(&to, &title, &petition_url),
            )),
            Signed::Quiet | Signed::Blocked | Signed::Limited(_) => None,
        };
        if let Some(quota) = &quota
            && let Some(wait) = quota.take(conn)?
        {
            return Ok(Signed::Limited(wait.as_secs().max(1)));
        }
        Ok(signatures::sign(
            conn,
            &new,
            &also,
            &token.hash,
            max_sends,
            email_for,
        )?)
    })
    .await?;
    Ok(match signed {
        Signed::New if held => Signed::Held,
        other => other,
    })
}

/// A signer confirms through their link. The confirmation is one statement, as it was before
/// petitions could gather supporters; only one for a petition still gathering them does more:
/// with enough supporters it goes to the moderators, and its creator is told.
pub fn confirm(
    c: &mut db::DbConnection,
    keys: &crate::seal::Keys,
    token_hash: &str,
    ttl: chrono::Duration,
    supporters_needed: i64,
    base_url: &str,
) -> diesel::QueryResult<signatures::Confirmed> {
    use diesel::Connection;
    let outcome = signatures::confirm(c, token_hash, ttl)?;
    if let signatures::Confirmed::Now { petition_id } = outcome
        && db::petitions::status_of(c, petition_id)? == Some(Status::Gathering)
    {
        c.transaction(|c| {
            if let Some(mut p) = db::petitions::find_any(c, petition_id)?
                && db::campaigns::promote_if_supported(c, keys, &mut p, supporters_needed)?
            {
                crate::campaigns::notify_creator(c, keys, &p, "supported", base_url, None)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(outcome)
}

/// A fresh confirmation link for the signature an expired link belongs to, with its email, in
/// one transaction; `false` if there is nothing to renew (see `db::signatures::renew`).
pub fn renew_link(
    conn: &mut db::DbConnection,
    mail: &SignerMail,
    expired_hash: &str,
    ttl: chrono::Duration,
) -> diesel::QueryResult<bool> {
    let (keys, base_url) = (&mail.keys, mail.base_url.as_str());
    use diesel::Connection;
    conn.transaction(|c| {
        let token = tokens::new_token();
        let Some(r) = signatures::renew(c, expired_hash, &token.hash, ttl)? else {
            return Ok(false);
        };
        let Some(petition) = db::petitions::find_any(c, r.petition_id)? else {
            return Ok(false);
        };
        let lang = Lang::parse(&r.lang).unwrap_or_default();
        let email = keys.open_or_mark(&r.email);
        let to = mail.to(lang, &EmailAddress::canonical(&email));
        let link = format!(
            "{base_url}{}",
            lang.url(&format!("/confirm/{}", token.plain))
        );
        let mail = if petition.status() == Status::Open {
            let url = format!(
                "{base_url}{}",
                lang.url(&format!("/petitions/{}", petition.id()))
            );
            views::email::confirm_signature(&to, &petition.text(lang).title, &link, &url)
        } else {
            views::email::confirm_support(&to, &link)
        };
        db::outbox::enqueue(c, keys, &mail.outbox(MailKind::ConfirmSignature, &email))?;
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> SignForm {
        SignForm {
            name: "Asha Devi".into(),
            email: "asha@example.in".into(),
            pin_code: "221001".into(),
            state: "IN-UP".into(),
            constituency: "S24-77".into(),
            adult: true,
            ..SignForm::default()
        }
    }

    fn fields(f: &SignForm) -> Vec<&'static str> {
        validate(f).unwrap_err().0.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_good_form_is_valid() {
        let v = validate(&good()).unwrap();
        assert_eq!(v.pc_id, "S24-77");
        assert!(
            !v.show_name && !v.deliver_name && !v.updates,
            "consents are off by default"
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut f = good();
        f.pin_code = "110001".into();
        assert_eq!(fields(&f), ["pin_code"]);
        let mut f = good();
        f.constituency = "S01-01".into();
        assert_eq!(fields(&f), ["constituency"]);
        let mut f = good();
        f.state = "IN-XX".into();
        assert_eq!(fields(&f), ["state"]);
        let mut f = good();
        f.adult = false;
        assert_eq!(fields(&f), ["adult"], "the age box is required");
        let f = SignForm::default();
        assert_eq!(
            fields(&f),
            [
                "name",
                "email",
                "state",
                "pin_code",
                "constituency",
                "adult"
            ]
        );
    }

    #[test]
    fn the_body_is_read_leniently() {
        let f = SignForm::from_urlencoded(b"name=A%FFb&email=x%40y.in&show_name=on&zzz=1");
        assert_eq!(f.name, "A\u{FFFD}b");
        assert!(f.show_name && !f.updates);
        assert_eq!(fields(&f)[0], "name");
    }

    #[test]
    fn the_pin_prefills_state_and_constituency() {
        let mut f = SignForm {
            pin_code: "221001".into(),
            ..SignForm::default()
        };
        f.prefill_from_pin();
        assert_eq!(f.state, "IN-UP");
        assert!(INDIA.constituency(&f.constituency).is_some());
    }
}
