//! The spike alert: a petition signed over the last five minutes at a multiple of its trailing
//! rate (and above a floor) is a wave to look at, or news to be glad of. Moderators get one
//! email per petition per hour; the console and `/metrics` show it while it lasts.

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;

use crate::db::{self, DbConnection, console, outbox::MailKind};
use crate::domain::Status;
use crate::i18n::Lang;

/// The recent window, and the trailing hour before it.
const RECENT_MINUTES: i64 = 5;
const TRAILING_MINUTES: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub petition_id: i64,
    pub recent_per_minute: f64,
    pub trailing_per_minute: f64,
    pub spiking: bool,
}

/// When a rate is a spike.
#[derive(Debug, Clone, Copy)]
pub struct Threshold {
    /// The recent rate must be this many times the trailing one...
    pub multiple: f64,
    /// ...and at least this many signatures a minute.
    pub floor: f64,
}

/// A petition's signing rate now against the hour before.
pub fn measure(
    conn: &mut DbConnection,
    petition: i64,
    now: NaiveDateTime,
    t: Threshold,
) -> QueryResult<Rate> {
    let recent_start = now - Duration::minutes(RECENT_MINUTES);
    let trailing_start = recent_start - Duration::minutes(TRAILING_MINUTES);
    let recent = console::signed_since(conn, petition, recent_start)?;
    let both = console::signed_since(conn, petition, trailing_start)?;
    let recent_per_minute = recent as f64 / RECENT_MINUTES as f64;
    let trailing_per_minute = (both - recent) as f64 / TRAILING_MINUTES as f64;
    Ok(Rate {
        petition_id: petition,
        recent_per_minute,
        trailing_per_minute,
        spiking: recent_per_minute >= t.floor
            && recent_per_minute >= t.multiple * trailing_per_minute,
    })
}

/// Measures every open petition; for each spike not alerted in the last hour, emails the
/// moderators (the claim on `spike_alerts` makes that once, whichever process gets there).
pub fn check(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    t: Threshold,
    base_url: &str,
) -> QueryResult<Vec<Rate>> {
    let now = db::now();
    let open = db::petitions::ids_with_status(conn, Status::Open)?;
    let mut rates = Vec::with_capacity(open.len());
    for id in open {
        let rate = measure(conn, id, now, t)?;
        if rate.spiking
            && console::claim_spike_alert(
                conn,
                id,
                now,
                (rate.recent_per_minute, rate.trailing_per_minute),
            )?
        {
            alert(conn, keys, &rate, base_url)?;
        }
        rates.push(rate);
    }
    Ok(rates)
}

fn alert(
    conn: &mut DbConnection,
    keys: &crate::seal::Keys,
    r: &Rate,
    base_url: &str,
) -> QueryResult<()> {
    let Some(p) = db::petitions::find_any(conn, r.petition_id)? else {
        return Ok(());
    };
    let url = format!("{base_url}/admin/petitions/{}/integrity", r.petition_id);
    for (email, lang) in db::users::moderators(conn)? {
        let lang = Lang::parse(&lang).unwrap_or_default();
        let mail = crate::views::email::spike_alert(
            &crate::views::email::To::new(lang, base_url),
            &p.text(lang).title,
            r.recent_per_minute,
            r.trailing_per_minute,
            &url,
        );
        db::outbox::enqueue(conn, keys, &mail.outbox(MailKind::SpikeAlert, &email))?;
    }
    Ok(())
}
