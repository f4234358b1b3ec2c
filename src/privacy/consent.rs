//! The consents a signer is shown, recorded as given. Each language's wording is a version,
//! named by a hash of its texts and stored once (`consent_texts`); a signature keeps the version
//! it was shown, so a later edit of the wording never rewrites what someone agreed to.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::i18n::Lang;

/// Each statement on the sign form: its field, and the message that words it.
pub const ITEMS: [(&str, &str); 4] = [
    ("adult", "consent-adult"),
    ("show_name", "consent-show-name"),
    ("deliver_name", "consent-deliver-name"),
    ("updates", "consent-updates"),
];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConsentSet {
    pub version: String,
    pub lang: String,
    /// Field to the exact text shown beside it.
    pub texts: BTreeMap<String, String>,
}

impl ConsentSet {
    pub fn of_texts(lang: &str, texts: BTreeMap<String, String>) -> ConsentSet {
        let json = serde_json::to_string(&texts).unwrap_or_default();
        let digest = Sha256::digest(format!("{lang}\n{json}").as_bytes());
        ConsentSet {
            version: format!("{lang}-{}", &hex::encode(digest)[..16]),
            lang: lang.to_string(),
            texts,
        }
    }

    /// The wording this build shows in `lang`.
    pub fn current(lang: Lang) -> &'static ConsentSet {
        static SETS: OnceLock<Vec<ConsentSet>> = OnceLock::new();
        let sets = SETS.get_or_init(|| {
            Lang::ALL
                .into_iter()
                .map(|l| {
                    let texts = ITEMS
                        .iter()
                        .map(|(field, key)| (field.to_string(), l.t(key)))
                        .collect();
                    ConsentSet::of_texts(l.code(), texts)
                })
                .collect()
        });
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &sets[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_names_its_exact_wording() {
        let en = ConsentSet::current(Lang::En);
        assert_eq!(en.texts.len(), ITEMS.len());
        assert!(en.texts["adult"].contains("18"), "{:?}", en.texts);
        let again = ConsentSet::of_texts("en", en.texts.clone());
        assert_eq!(
            again.version, en.version,
            "the same words, the same version"
        );
        let mut edited = en.texts.clone();
        edited.insert("updates".into(), "Email me now and then".into());
        assert_ne!(ConsentSet::of_texts("en", edited).version, en.version);
        assert_ne!(ConsentSet::current(Lang::Hi).version, en.version);
    }
}
