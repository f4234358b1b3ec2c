//! Languages: every user-facing string comes from the Fluent files in `assets/locales/`.
//! The language is in the URL (`/hi/petitions/1`; none for English), so that a shared cache can
//! keep each language's public page under its own address. Pages that are never shared (forms
//! sent back, accounts, the console) fall back to the `lang` cookie (set by the switcher), then
//! Accept-Language; those two also choose where `/` sends a visitor.

use std::collections::HashMap;
use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpRequest, dev::Payload};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "en",
        // Bidi isolation marks around arguments would end up in emails and titles. Whole numbers
        // are grouped the Indian way; passing them as numbers lets messages choose a plural.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(grouped));
        },
    };
}

pub const COOKIE: &str = "lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Hi,
    Bn,
}

impl Lang {
    /// Every language the site speaks: one per folder of `assets/locales` (a test holds the two
    /// lists together), in the order the switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Hi, Lang::Bn];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
            Lang::Bn => "bn",
        }
    }

    /// The language's own name, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hi => "हिन्दी",
            Lang::Bn => "বাংলা",
        }
    }

    /// Where this language's pages live: `""` for English, `"/hi"` for Hindi.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Hi => "/hi",
            Lang::Bn => "/bn",
        }
    }

    /// `path` (local, starting with `/`) in this language.
    pub fn url(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }

    /// A local path without its language: `("/hi/petitions/1")` gives `(Hi, "/petitions/1")`.
    pub fn split_path(path: &str) -> Option<(Lang, String)> {
        Lang::ALL.into_iter().find_map(|lang| {
            let rest = path.strip_prefix('/')?.strip_prefix(lang.code())?;
            match rest {
                _ if rest.starts_with('/') => Some((lang, rest.to_string())),
                _ if rest.is_empty() || rest.starts_with(['?', '#']) => {
                    Some((lang, format!("/{rest}")))
                }
                _ => None,
            }
        })
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "hi" => Some(Lang::Hi),
            "bn" => Some(Lang::Bn),
            _ => None,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => unic_langid::langid!("en"),
            Lang::Hi => unic_langid::langid!("hi"),
            Lang::Bn => unic_langid::langid!("bn"),
        }
    }

    /// Picks from an Accept-Language header: the supported language with the highest weight.
    pub fn negotiate(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            if let Some(lang) = Lang::parse(primary)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    /// The language of a page that is never shared: the URL's, else the cookie, else
    /// Accept-Language.
    pub fn from_request(req: &HttpRequest) -> Lang {
        if let Some(UrlLang(l)) = UrlLang::in_path(req) {
            return l;
        }
        if let Some(l) = req.cookie(COOKIE).and_then(|c| Lang::parse(c.value())) {
            return l;
        }
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok())
            .map(Lang::negotiate)
            .unwrap_or_default()
    }

    /// The message `key`; a missing key shows itself, which the tests catch.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The message `key` with arguments.
    pub fn ta(self, key: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (std::borrow::Cow::Owned(k.to_string()), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &map)
    }

    /// A whole number grouped the Indian way (12,34,567), as readers here expect.
    pub fn number(self, n: i64) -> String {
        group_indian(n)
    }

    /// A date as people write it here, the month in words so no reader takes the day for the
    /// month: "3 December 2026", "3 दिसंबर 2026".
    pub fn date(self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const HI: [&str; 12] = [
            "जनवरी",
            "फ़रवरी",
            "मार्च",
            "अप्रैल",
            "मई",
            "जून",
            "जुलाई",
            "अगस्त",
            "सितंबर",
            "अक्टूबर",
            "नवंबर",
            "दिसंबर",
        ];
        const BN: [&str; 12] = [
            "জানুয়ারি",
            "ফেব্রুয়ারি",
            "মার্চ",
            "এপ্রিল",
            "মে",
            "জুন",
            "জুলাই",
            "আগস্ট",
            "সেপ্টেম্বর",
            "অক্টোবর",
            "নভেম্বর",
            "ডিসেম্বর",
        ];
        let months = match self {
            Lang::Hi => &HI,
            Lang::Bn => &BN,
            Lang::En => &EN,
        };
        format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
    }

    /// A moment stored in UTC as India's day in words (`date`).
    pub fn day_of(self, at: chrono::NaiveDateTime) -> String {
        self.date(crate::domain::india_day(at))
    }
}

/// Of texts kept per language (`(lang, text)`), the one in `lang`, else in `own` (the
/// petition's own language), else the first.
pub fn in_lang<'a>(
    texts: &'a [(String, String)],
    lang: Lang,
    own: &str,
) -> Option<&'a (String, String)> {
    let of = |code: &str| texts.iter().find(|(l, _)| l == code);
    of(lang.code()).or_else(|| of(own)).or(texts.first())
}

pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}

/// Fluent's formatter for numbers: whole ones grouped as `group_indian` does.
fn grouped<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(group_indian(n.value as i64))
        }
        _ => None,
    }
}

pub fn group_indian(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if digits.len() > 3 {
        let (head, tail) = digits.split_at(digits.len() - 3);
        let head_bytes = head.as_bytes();
        for (i, b) in head_bytes.iter().enumerate() {
            if i > 0 && (head_bytes.len() - i) % 2 == 0 {
                out.push(',');
            }
            out.push(*b as char);
        }
        out.push(',');
        out.push_str(tail);
    } else {
        out.push_str(&digits);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// The language a request's URL names (`/hi/...`), or English for a URL without one: the only
/// thing a public, shareable page may depend on. The path is taken off before routing
/// (`web::middleware::language_in_path`), which leaves this in the request's extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlLang(pub Lang);

impl UrlLang {
    pub fn in_path(req: &HttpRequest) -> Option<UrlLang> {
        use actix_web::HttpMessage;
        req.extensions().get::<UrlLang>().copied()
    }
}

impl FromRequest for UrlLang {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<UrlLang, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(UrlLang::in_path(req).unwrap_or(UrlLang(Lang::En))))
    }
}

impl FromRequest for Lang {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<Lang, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang::from_request(req)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_names_its_month_in_each_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(Lang::En.date(d), "3 December 2026");
        assert_eq!(Lang::Hi.date(d), "3 दिसंबर 2026");
        assert_eq!(Lang::Bn.date(d), "3 ডিসেম্বর 2026");
        let d = chrono::NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
        assert_eq!(Lang::Hi.date(d), "28 फ़रवरी 2027");
    }

    #[test]
    fn the_language_comes_off_the_front_of_a_path() {
        assert_eq!(
            Lang::split_path("/hi/petitions/1"),
            Some((Lang::Hi, "/petitions/1".into()))
        );
        assert_eq!(Lang::split_path("/hi"), Some((Lang::Hi, "/".into())));
        assert_eq!(
            Lang::split_path("/hi?x=1"),
            Some((Lang::Hi, "/?x=1".into()))
        );
        assert_eq!(Lang::split_path("/en/"), Some((Lang::En, "/".into())));
        assert_eq!(Lang::split_path("/hindi"), None);
        assert_eq!(Lang::split_path("/petitions/1"), None);
        assert_eq!(Lang::Hi.url("/petitions/1"), "/hi/petitions/1");
        assert_eq!(Lang::En.url("/petitions/1"), "/petitions/1");
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(Lang::negotiate("hi-IN,hi;q=0.9,en;q=0.8"), Lang::Hi);
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9,hi;q=0.5"), Lang::En);
        assert_eq!(Lang::negotiate("fr;q=1, hi;q=0.3"), Lang::Hi);
        assert_eq!(Lang::negotiate("ta-IN"), Lang::En);
        assert_eq!(Lang::negotiate("bn-IN,bn;q=0.9,en;q=0.5"), Lang::Bn);
        assert_eq!(Lang::negotiate(""), Lang::En);
    }

    #[test]
    fn indian_grouping() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1000), "1,000");
        assert_eq!(group_indian(100000), "1,00,000");
        assert_eq!(group_indian(12345678), "1,23,45,678");
    }

    fn ids(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with(char::is_whitespace) && !id.starts_with('#'))
            .collect()
    }

    /// The folders of `assets/locales`, each a language.
    fn locale_dirs() -> std::collections::BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
        std::fs::read_dir(root)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_switcher_lists_every_language_found_in_assets_locales() {
        let spoken: std::collections::BTreeSet<String> =
            Lang::ALL.iter().map(|l| l.code().to_string()).collect();
        assert_eq!(spoken, locale_dirs());
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            assert_eq!(
                Lang::split_path(&l.url("/x")).map(|(l, _)| l),
                if l == Lang::En { None } else { Some(l) }
            );
        }
    }

    #[test]
    fn every_language_has_every_english_message() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
        let files: Vec<String> = std::fs::read_dir(root.join("en"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        assert!(files.len() >= 5, "{files:?}");
        let mut total = 0;
        for lang in locale_dirs().into_iter().filter(|l| l != "en") {
            for file in &files {
                let read = |l: &str| std::fs::read_to_string(root.join(l).join(file));
                let en = read("en").unwrap();
                let other = read(&lang).unwrap_or_else(|_| panic!("{lang} has no {file}"));
                let (en, other) = (ids(&en), ids(&other));
                let missing: Vec<_> = en.difference(&other).collect();
                let extra: Vec<_> = other.difference(&en).collect();
                assert!(missing.is_empty(), "not in {lang}/{file}: {missing:?}");
                assert!(extra.is_empty(), "only in {lang}/{file}: {extra:?}");
                total += en.len();
            }
        }
        assert!(total > 500);
    }

    #[test]
    fn a_number_meeting_a_noun_agrees_with_it_in_both_languages() {
        let total = |lang: Lang, count: i64, pcs: i64| {
            lang.ta(
                "delivery-total",
                &[("count", Arg::Num(count)), ("pcs", Arg::Num(pcs))],
            )
        };
        assert_eq!(
            total(Lang::En, 1, 1),
            "1 confirmed signature, from 1 constituency."
        );
        assert_eq!(
            total(Lang::En, 123456, 2),
            "1,23,456 confirmed signatures, from 2 constituencies."
        );
        assert_eq!(total(Lang::Hi, 1, 1), "1 निर्वाचन क्षेत्र से 1 पुष्ट हस्ताक्षर।");
        assert_eq!(total(Lang::Hi, 5, 3), "3 निर्वाचन क्षेत्रों से 5 पुष्ट हस्ताक्षर।");
        let days = |n| Lang::En.ta("age-days", &[("n", Arg::Num(n))]);
        assert_eq!((days(1), days(2)), ("1 day".into(), "2 days".into()));
        // No message puts a number straight before an English plural noun without a choice
        // (the letter template's `{placeholders}` are staff's to word).
        let en = include_str!("../assets/locales/en/main.ftl");
        for line in en.lines().filter(|l| !l.contains("{ \"{\" }")) {
            for noun in [
                "signatures",
                "people",
                "constituencies",
                "supporters",
                "hours",
                "days",
            ] {
                assert!(
                    !line.contains(&format!("}} {noun}")) || line.trim_start().starts_with("*["),
                    "a number before {noun:?} without a plural choice: {line}"
                );
            }
        }
    }

    #[test]
    fn messages_exist_in_both_languages() {
        for lang in Lang::ALL {
            let title = lang.t("site-name");
            assert!(!title.is_empty() && title != "site-name");
        }
        assert_ne!(Lang::En.t("sign-button"), Lang::Hi.t("sign-button"));
    }
}
