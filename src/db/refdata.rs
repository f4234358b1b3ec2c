//! Loads the reference data into an empty database, and the demo petition into an empty
//! development database.

use diesel::prelude::*;

use super::schema::{constituencies, pincodes, recipients, representatives, states};
use super::{DbConnection, DbError};
use crate::db::petitions::{self, NewPetition};
use crate::i18n::Lang;
use crate::refdata::INDIA;

/// Inserts states, constituencies and PIN codes if the tables are empty (one transaction).
pub fn load(conn: &mut DbConnection) -> Result<(), DbError> {
    let have: i64 = constituencies::table.count().get_result(conn)?;
    if have > 0 {
        return Ok(());
    }
    conn.transaction(|conn| {
        for s in &INDIA.states {
            diesel::insert_into(states::table)
                .values((
                    states::code.eq(&s.code),
                    states::name.eq(&s.name),
                    states::name_hi.eq(&s.name_hi),
                    states::kind.eq(&s.kind),
                    states::eci_code.eq(&s.eci_code),
                    states::seats.eq(s.seats),
                ))
                .execute(conn)?;
        }
        let pcs: Vec<_> = INDIA
            .constituencies
            .iter()
            .map(|c| {
                (
                    constituencies::pc_id.eq(&c.pc_id),
                    constituencies::state_code.eq(&c.state_code),
                    constituencies::pc_no.eq(c.pc_no),
                    constituencies::name.eq(&c.name),
                    constituencies::name_hi.eq(&c.name_hi),
                    constituencies::reservation.eq(&c.reservation),
                )
            })
            .collect();
        for chunk in pcs.chunks(100) {
            crate::each_backend!(&mut *conn, c => diesel::insert_into(constituencies::table)
                .values(chunk)
                .execute(c))?;
        }
        let mut pins: Vec<(u32, &crate::refdata::Pin)> = INDIA.pins().collect();
        pins.sort_by_key(|(n, _)| *n);
        let rows: Vec<_> = pins
            .iter()
            .map(|(n, p)| {
                (
                    pincodes::pin_code.eq(format!("{n:06}")),
                    pincodes::state_code.eq(&p.state_code),
                    pincodes::all_states.eq(p.all_states.join("|")),
                    pincodes::primary_pc_id.eq(p.primary_pc_id.as_ref()),
                )
            })
            .collect();
        for chunk in rows.chunks(500) {
            crate::each_backend!(&mut *conn, c => diesel::insert_into(pincodes::table)
                .values(chunk)
                .execute(c))?;
        }
        Ok::<_, DbError>(())
    })
}

/// Loads the members of the Lok Sabha if there are none yet (staff edit them afterwards).
pub fn load_representatives(conn: &mut DbConnection) -> Result<(), DbError> {
    let have: i64 = representatives::table.count().get_result(conn)?;
    if have > 0 {
        return Ok(());
    }
    let now = super::now();
    let rows: Vec<_> = crate::refdata::members()
        .into_iter()
        .map(|m| {
            (
                representatives::pc_id.eq(m.pc_id),
                representatives::name.eq(m.name),
                representatives::party.eq(m.party),
                representatives::updated_at.eq(now),
            )
        })
        .collect();
    conn.transaction(|conn| {
        for chunk in rows.chunks(200) {
            crate::each_backend!(&mut *conn, c => diesel::insert_into(representatives::table)
                .values(chunk)
                .execute(c))?;
        }
        Ok::<_, DbError>(())
    })
}

/// The seeded recipients' names in English, Hindi and Bengali.
const PARLIAMENT: (&str, &str, &str) = ("Parliament of India", "भारत की संसद", "ভারতের সংসদ");
const MINISTRY: (&str, &str, &str) = (
    "Ministry of Women and Child Development",
    "महिला एवं बाल विकास मंत्रालय",
    "নারী ও শিশু উন্নয়ন মন্ত্রক",
);

const DEMO_TITLE_EN: &str = "Cool Men Don't Buy Sex";
const DEMO_ACTION_EN: &str = "Punish the traffickers and the men who buy sex, not the women and \
girls who are sold. Make buying sex a crime, and give every survivor protection, a home and a \
way out.";
const DEMO_BACKGROUND_EN: &str = "Every day women and girls in India are trafficked and sold for \
sex. The law still treats them as offenders, while the men who pay and the traffickers who profit \
walk free. Where buying sex has been made the crime, demand and trafficking have fallen.\n\n\
We ask the Parliament of India and the Ministry of Women and Child Development to make the buyer \
and the trafficker answer for the crime, to stop punishing the women and girls who are sold, and \
to fund shelters, legal help and livelihoods for survivors.\n\n\
Real men don't buy women. Sign, and ask the men you know to sign too.";

const DEMO_TITLE_HI: &str = "कूल पुरुष सेक्स नहीं ख़रीदते";
const DEMO_ACTION_HI: &str = "तस्करों और सेक्स ख़रीदने वाले पुरुषों को सज़ा दें, बेची जाने वाली \
महिलाओं और लड़कियों को नहीं। सेक्स ख़रीदने को अपराध बनाएँ, और हर पीड़िता को सुरक्षा, घर और \
बाहर निकलने का रास्ता दें।";
const DEMO_BACKGROUND_HI: &str = "भारत में हर दिन महिलाओं और लड़कियों की तस्करी होती है और उन्हें \
सेक्स के लिए बेचा जाता है। क़ानून आज भी उन्हीं को अपराधी मानता है, जबकि पैसे देने वाले पुरुष और \
मुनाफ़ा कमाने वाले तस्कर बच निकलते हैं। जहाँ सेक्स ख़रीदने को अपराध बनाया गया है, वहाँ माँग और \
तस्करी दोनों घटी हैं।\n\n\
हम भारत की संसद और महिला एवं बाल विकास मंत्रालय से माँग करते हैं कि ख़रीदार और तस्कर को अपराध \
का ज़िम्मेदार ठहराया जाए, बेची गई महिलाओं और लड़कियों को सज़ा देना बंद हो, और पीड़िताओं के लिए \
आश्रय, क़ानूनी मदद और रोज़गार की व्यवस्था हो।\n\n\
असली मर्द औरतें नहीं ख़रीदते। हस्ताक्षर करें, और अपने जान-पहचान के पुरुषों से भी करवाएँ।";

/// The recipients every deployment starts with.
pub fn seed_recipients(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    let mut ids = Vec::new();
    // Found again by a fixed key, not by name: staff may rename them, and a renamed one must
    // not come back as a second recipient at the next start.
    for (key, kind, (name, name_hi, name_bn)) in [
        ("parliament", "parliament", PARLIAMENT),
        ("ministry-wcd", "ministry", MINISTRY),
    ] {
        let existing: Option<i64> = recipients::table
            .filter(recipients::seed_key.eq(key))
            .select(recipients::id)
            .first(conn)
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => diesel::insert_into(recipients::table)
                .values((
                    recipients::kind.eq(kind),
                    recipients::name.eq(name),
                    recipients::name_hi.eq(name_hi),
                    recipients::name_bn.eq(name_bn),
                    recipients::seed_key.eq(key),
                ))
                .returning(recipients::id)
                .get_result(conn)?,
        };
        ids.push(id);
    }
    Ok(ids)
}

/// An empty development database gets the campaign's petition, open for signatures.
pub fn seed_demo(conn: &mut DbConnection) -> QueryResult<Option<i64>> {
    if petitions::count_all(conn)? > 0 {
        return Ok(None);
    }
    let recipients = seed_recipients(conn)?;
    let now = super::now();
    let id = petitions::insert(
        conn,
        &NewPetition {
            lang: Lang::En,
            goal: 500_000,
            texts: vec![
                (Lang::En, DEMO_TITLE_EN, DEMO_ACTION_EN, DEMO_BACKGROUND_EN),
                (Lang::Hi, DEMO_TITLE_HI, DEMO_ACTION_HI, DEMO_BACKGROUND_HI),
            ],
            recipient_ids: recipients,
            opened_at: Some(now),
            closes_at: Some(now + chrono::Duration::days(180)),
            status: crate::domain::Status::Open,
        },
    )?;
    Ok(Some(id))
}
