//! A petition written in Bengali, as a West Bengal group would start one: its page in Bengali,
//! its English translation on the English page, its share card's words in Bengali.

use crate::helpers::TestApp;
use crate::on_both_backends;
use crate::people::*;
use crate::support::testdb::Backend;

const TITLE: &str = "কলকাতায় পাচারকারী আর ক্রেতাদের শাস্তি চাই";

async fn a_petition_written_in_bengali_reads_in_bengali(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let group = campaigner(&app, "kolkata@example.in").await;
    let closes = in_days(30);
    let mut form = petition_form(TITLE, "1000", &closes);
    form.retain(|(k, _)| !matches!(*k, "lang" | "action" | "background"));
    form.extend([
        ("lang", "bn"),
        ("action", "বিক্রি হওয়া মেয়েদের নয়, ক্রেতা ও পাচারকারীদের শাস্তি দিন।"),
        ("background", "প্রতি বছর হাজার হাজার মেয়ে বিক্রি হয়।"),
        ("title_tr", "Punish traffickers and buyers in Kolkata"),
        (
            "action_tr",
            "Punish the buyers and traffickers, not the girls who are sold.",
        ),
        ("background_tr", "Thousands of girls are sold every year."),
    ]);
    let id = draft(&group, &form).await;
    open_in_db(&app, id);
    let (status, bn) = app.get_text(&format!("/bn/petitions/{id}")).await;
    assert_eq!(status, 200);
    assert!(bn.contains("<html lang=\"bn\""));
    assert!(
        bn.contains(TITLE),
        "the Bengali page shows the Bengali text"
    );
    assert!(
        bn.contains("content=\"bn_IN\""),
        "its share tags say Bengali"
    );
    let (_, en) = app.get_text(&format!("/petitions/{id}")).await;
    assert!(en.contains("Punish traffickers and buyers in Kolkata"));
    // The Hindi page, with no Hindi text, shows the petition's own (Bengali), marked as such.
    let (_, hi) = app.get_text(&format!("/hi/petitions/{id}")).await;
    assert!(hi.contains(TITLE) && hi.contains("<article class=\"petition\" lang=\"bn\""));
    let petition = {
        let mut conn = app.pool.get().unwrap();
        hastakshar::db::petitions::find_public(&mut conn, id)
            .unwrap()
            .unwrap()
    };
    let card = hastakshar::views::petition::card_text(hastakshar::i18n::Lang::Bn, &petition);
    assert_eq!(card.title, TITLE);
    let r = app.get(&format!("/bn/petitions/{id}/card.png")).await;
    assert_eq!(r.status(), 200);
    let png = r.bytes().await.unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 630));
}

on_both_backends!(a_petition_written_in_bengali_reads_in_bengali);
