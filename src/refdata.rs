//! India's reference data: states and union territories, Lok Sabha constituencies and PIN codes.
//! Compiled into the binary from `assets/data/india/` (see its NOTICE for sources and licences),
//! held in memory for validation and look-ups, and loaded into the database for reports.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

const STATES_CSV: &str = include_str!("../assets/data/india/states_uts.csv");
const STATES_HI_CSV: &str = include_str!("../assets/data/india/states_hi.csv");
const PCS_CSV: &str = include_str!("../assets/data/india/lok_sabha_constituencies_2024.csv");
const PINS_CSV: &str = include_str!("../assets/data/india/pincodes.csv");
const MEMBERS_CSV: &str = include_str!("../assets/data/india/lok_sabha_members_18th.csv");
const PARTIES_HI_CSV: &str = include_str!("../assets/data/india/parties_hi.csv");
const MEMBERS_HI_CSV: &str = include_str!("../assets/data/india/members_hi.csv");
const STATES_BN_CSV: &str = include_str!("../assets/data/india/states_bn.csv");
const PCS_BN_CSV: &str = include_str!("../assets/data/india/constituencies_bn.csv");
const PARTIES_BN_CSV: &str = include_str!("../assets/data/india/parties_bn.csv");
const MEMBERS_BN_CSV: &str = include_str!("../assets/data/india/members_bn.csv");

/// A two-column table (`key,value` after the header) as a map; `value_at` picks the column.
fn pairs(csv: &'static str, key_at: usize, value_at: usize) -> HashMap<String, String> {
    rows(csv)
        .map(|r| (r[key_at].to_string(), r[value_at].to_string()))
        .collect()
}

static PARTIES_BN: LazyLock<HashMap<String, String>> =
    LazyLock::new(|| pairs(PARTIES_BN_CSV, 0, 1));

/// Members' names in Bengali script (`members_bn.csv`), as `MEMBERS_HI` for Devanagari.
static MEMBERS_BN: LazyLock<HashMap<(String, String), String>> = LazyLock::new(|| {
    // pc_id,mp_name,mp_name_bn,confidence
    rows(MEMBERS_BN_CSV)
        .map(|r| ((r[0].to_string(), r[1].to_string()), r[2].to_string()))
        .collect()
});

static PARTIES_HI: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    rows(PARTIES_HI_CSV)
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect()
});

/// Members' names transliterated into Devanagari, by constituency and the English name they
/// render (`members_hi.csv`).
static MEMBERS_HI: LazyLock<HashMap<(String, String), String>> = LazyLock::new(|| {
    // pc_id,mp_name,mp_name_hi,confidence
    rows(MEMBERS_HI_CSV)
        .map(|r| ((r[0].to_string(), r[1].to_string()), r[2].to_string()))
        .collect()
});

/// A member's name in Devanagari, transliterated from `name` (as the member list spells it):
/// `None` for a name the list does not have, such as a member staff entered after a
/// by-election, whose name stays as entered.
pub fn member_name_hi(pc_id: &str, name: &str) -> Option<&'static str> {
    MEMBERS_HI
        .get(&(pc_id.to_string(), name.trim().to_string()))
        .map(String::as_str)
}

/// A member's name as a reader of `lang` reads it: transliterated where the pack has it, else
/// as given.
pub fn member_name_in(lang: crate::i18n::Lang, pc_id: &str, name: &str) -> String {
    let key = || (pc_id.to_string(), name.trim().to_string());
    let found = match lang {
        crate::i18n::Lang::Hi => member_name_hi(pc_id, name),
        crate::i18n::Lang::Bn => MEMBERS_BN.get(&key()).map(String::as_str),
        crate::i18n::Lang::En => None,
    };
    found.map_or_else(|| name.to_string(), str::to_string)
}

/// A party's name in `lang`: in Hindi from `parties_hi.csv` when known, else as given.
pub fn party_name(lang: crate::i18n::Lang, party: &str) -> String {
    match lang {
        crate::i18n::Lang::Hi => PARTIES_HI
            .get(party.trim())
            .cloned()
            .unwrap_or_else(|| party.to_string()),
        crate::i18n::Lang::Bn => PARTIES_BN
            .get(party.trim())
            .cloned()
            .unwrap_or_else(|| party.to_string()),
        crate::i18n::Lang::En => party.to_string(),
    }
}

/// A sitting member of the 18th Lok Sabha (ODbL 1.0, data from PRS Legislative Research).
#[derive(Debug, Clone)]
pub struct Member {
    pub pc_id: String,
    pub name: String,
    pub party: String,
}

/// The members in office, one per constituency; a vacant seat has none.
pub fn members() -> Vec<Member> {
    // pc_id,state_iso,state_name,pc_no,pc_name,reservation,mp_name,party,in_office,...
    rows(MEMBERS_CSV)
        .filter(|r| &r[8] == "yes")
        .map(|r| Member {
            pc_id: r[0].to_string(),
            name: r[6].to_string(),
            party: r[7].to_string(),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct State {
    pub code: String,
    pub name: String,
    pub name_hi: String,
    /// In Bengali script (`states_bn.csv`); not in the JSON API, whose shape is fixed.
    #[serde(skip)]
    pub name_bn: String,
    pub kind: String,
    pub eci_code: String,
    pub seats: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Constituency {
    pub pc_id: String,
    pub state_code: String,
    pub pc_no: i32,
    pub name: String,
    pub name_hi: String,
    #[serde(skip)]
    pub name_bn: String,
    pub reservation: String,
}

impl State {
    /// The name as a reader of `lang` reads it.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.name,
            crate::i18n::Lang::Hi => &self.name_hi,
            crate::i18n::Lang::Bn => &self.name_bn,
        }
    }
}

impl Constituency {
    /// The name as a reader of `lang` reads it.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.name,
            crate::i18n::Lang::Hi => &self.name_hi,
            crate::i18n::Lang::Bn => &self.name_bn,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Pin {
    pub state_code: String,
    /// A few PIN codes straddle a state border; the signer may be in any of these states.
    pub all_states: Vec<String>,
    pub primary_pc_id: Option<String>,
}

pub struct India {
    pub states: Vec<State>,
    pub constituencies: Vec<Constituency>,
    state_index: HashMap<String, usize>,
    pc_index: HashMap<String, usize>,
    pins: HashMap<u32, Pin>,
    /// First three digits of a PIN (its sorting district) to the states that use them, to judge
    /// PIN codes newer than the directory.
    prefixes: HashMap<u32, Vec<String>>,
}

pub static INDIA: LazyLock<India> = LazyLock::new(India::load);

#[cfg(test)]
mod party_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_sitting_members_party_has_a_hindi_name() {
        for m in members() {
            let hi = party_name(Lang::Hi, &m.party);
            assert!(
                hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{} ({}) has no Hindi party name",
                m.party,
                m.pc_id
            );
        }
        assert_eq!(
            party_name(Lang::Hi, "Bharatiya Janata Party"),
            "भारतीय जनता पार्टी"
        );
        assert_eq!(party_name(Lang::En, "Samajwadi Party"), "Samajwadi Party");
        assert_eq!(party_name(Lang::Hi, "A New Party"), "A New Party");
    }

    #[test]
    fn every_sitting_member_has_a_name_in_devanagari() {
        for m in members() {
            let hi = member_name_hi(&m.pc_id, &m.name)
                .unwrap_or_else(|| panic!("{} ({}) has no Hindi name", m.name, m.pc_id));
            assert!(
                hi.chars()
                    .all(|c| ('\u{0900}'..='\u{097F}').contains(&c) || " .-".contains(c)),
                "{hi:?}"
            );
            // Every initial kept (as "टी." for "T" or "T.").
            let initials = |s: &str| {
                s.split([' ', '.'])
                    .filter(|w| w.chars().count() == 1)
                    .count()
            };
            assert!(
                hi.matches('.').count() >= initials(&m.name),
                "{} → {hi}",
                m.name
            );
        }
        assert_eq!(member_name_hi("S24-77", "Narendra Modi"), Some("नरेंद्र मोदी"));
        // Another person in the seat (a by-election staff typed in) keeps their own spelling.
        assert_eq!(member_name_hi("S24-77", "Someone Else"), None);
    }
}

fn rows(csv_text: &'static str) -> impl Iterator<Item = csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("embedded CSV has headers").clone();
    reader.into_records().map(move |r| {
        let r = r.expect("embedded CSV is well-formed");
        debug_assert_eq!(r.len(), headers.len());
        r
    })
}

impl India {
    fn load() -> India {
        let hindi: HashMap<String, String> = rows(STATES_HI_CSV)
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect();
        let bengali = pairs(STATES_BN_CSV, 0, 1);
        let pcs_bengali = pairs(PCS_BN_CSV, 0, 2);
        // states_uts.csv: iso_3166_2,name,iso_name,type,eci_state_code,lok_sabha_seats,ocd_id
        let mut states: Vec<State> = rows(STATES_CSV)
            .map(|r| State {
                code: r[0].to_string(),
                name: r[1].to_string(),
                name_hi: hindi
                    .get(&r[0])
                    .cloned()
                    .unwrap_or_else(|| r[1].to_string()),
                name_bn: bengali
                    .get(&r[0])
                    .cloned()
                    .unwrap_or_else(|| r[1].to_string()),
                kind: r[3].to_string(),
                eci_code: r[4].to_string(),
                seats: r[5].parse().expect("seat count"),
            })
            .collect();
        states.sort_by(|a, b| a.name.cmp(&b.name));
        // pc_id,state_iso,state_name,eci_state_code,pc_no,pc_name,alt_names,reservation,pc_name_hi,...
        let mut constituencies: Vec<Constituency> = rows(PCS_CSV)
            .map(|r| Constituency {
                pc_id: r[0].to_string(),
                state_code: r[1].to_string(),
                pc_no: r[4].parse().expect("pc_no"),
                name: r[5].to_string(),
                name_hi: if r[8].is_empty() {
                    r[5].to_string()
                } else {
                    r[8].to_string()
                },
                name_bn: pcs_bengali
                    .get(&r[0])
                    .cloned()
                    .unwrap_or_else(|| r[5].to_string()),
                reservation: r[7].to_string(),
            })
            .collect();
        constituencies.sort_by(|a, b| (&a.state_code, &a.name).cmp(&(&b.state_code, &b.name)));
        // pincode,state_iso,all_state_isos,districts,n_post_offices,n_geocoded_in_pc,primary_pc_id,...
        let mut pins = HashMap::new();
        let mut prefixes: HashMap<u32, Vec<String>> = HashMap::new();
        for r in rows(PINS_CSV) {
            let Ok(pin) = r[0].parse::<u32>() else {
                continue;
            };
            // A few PINs have no state in the directory: they are judged by their district.
            if r[1].is_empty() {
                continue;
            }
            let all_states: Vec<String> = r[2]
                .split(['|', ';', ' '])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let entry = prefixes.entry(pin / 1000).or_default();
            for s in all_states.iter().chain(std::iter::once(&r[1].to_string())) {
                if !entry.contains(s) {
                    entry.push(s.clone());
                }
            }
            pins.insert(
                pin,
                Pin {
                    state_code: r[1].to_string(),
                    all_states,
                    primary_pc_id: Some(r[6].to_string()).filter(|s| !s.is_empty()),
                },
            );
        }
        let state_index = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code.clone(), i))
            .collect();
        let pc_index = constituencies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.pc_id.clone(), i))
            .collect();
        India {
            states,
            constituencies,
            state_index,
            pc_index,
            pins,
            prefixes,
        }
    }

    pub fn state(&self, code: &str) -> Option<&State> {
        self.state_index.get(code).map(|&i| &self.states[i])
    }

    pub fn constituency(&self, pc_id: &str) -> Option<&Constituency> {
        self.pc_index.get(pc_id).map(|&i| &self.constituencies[i])
    }

    pub fn constituencies_in<'a>(
        &'a self,
        state: &'a str,
    ) -> impl Iterator<Item = &'a Constituency> {
        self.constituencies
            .iter()
            .filter(move |c| c.state_code == state)
    }

    pub fn pin(&self, pin: u32) -> Option<&Pin> {
        self.pins.get(&pin)
    }

    pub fn pins(&self) -> impl Iterator<Item = (u32, &Pin)> {
        self.pins.iter().map(|(n, p)| (*n, p))
    }

    pub fn pin_count(&self) -> usize {
        self.pins.len()
    }

    /// Whether a six-digit PIN can belong to the state: exactly when the directory knows it, by
    /// its sorting district (first three digits) when it is newer than the directory.
    pub fn pin_in_state(&self, pin: u32, state: &str) -> bool {
        match self.pins.get(&pin) {
            Some(p) => p.state_code == state || p.all_states.iter().any(|s| s == state),
            None => self
                .prefixes
                .get(&(pin / 1000))
                .is_some_and(|states| states.iter().any(|s| s == state)),
        }
    }

    /// Whether any state uses this PIN's sorting district.
    pub fn pin_known_prefix(&self, pin: u32) -> bool {
        self.pins.contains_key(&pin) || self.prefixes.contains_key(&(pin / 1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_country_is_there() {
        assert_eq!(INDIA.states.len(), 36);
        assert_eq!(INDIA.constituencies.len(), 543);
        let seats: i32 = INDIA.states.iter().map(|s| s.seats).sum();
        assert_eq!(seats, 543);
        for s in &INDIA.states {
            assert_eq!(
                INDIA.constituencies_in(&s.code).count() as i32,
                s.seats,
                "{}",
                s.code
            );
            assert_ne!(s.name_hi, s.name, "{} has a Hindi name", s.code);
        }
        assert!(INDIA.pin_count() > 19_000);
        let members = members();
        assert!(members.len() >= 540, "nearly every seat has a member");
        assert!(
            members
                .iter()
                .all(|m| INDIA.constituency(&m.pc_id).is_some())
        );
        let mut seats: Vec<&str> = members.iter().map(|m| m.pc_id.as_str()).collect();
        seats.dedup();
        assert_eq!(seats.len(), members.len(), "one member per seat");
    }

    #[test]
    fn pins_map_to_states_and_seats() {
        assert_eq!(INDIA.constituency("S24-77").unwrap().name, "Varanasi");
        let p = INDIA.pin(221001).unwrap();
        assert_eq!(p.state_code, "IN-UP");
        assert!(INDIA.pin_in_state(110001, "IN-DL"));
        assert!(!INDIA.pin_in_state(110001, "IN-KL"));
        assert!(!INDIA.pin_known_prefix(999999));
    }
}
