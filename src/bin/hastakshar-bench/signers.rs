//! The signers: the same rows for the HTTP phase and the database baseline, spread over a few
//! valid PIN code / state / constituency combinations so the counts touch more than one row.

use hastakshar::refdata::INDIA;
use hastakshar::signing::{SignForm, validate};

/// Where a signer lives: a PIN code with a state and constituency that the form accepts.
#[derive(Clone, Debug)]
pub struct Place {
    pub pin_code: String,
    pub state: String,
    pub constituency: String,
}

/// The combinations the brief names first, then one more from each of a few other states.
const NAMED: [(&str, &str, &str); 2] =
    [("221001", "IN-UP", "S24-77"), ("110001", "IN-DL", "U05-04")];
const MAX_PLACES: usize = 8;

/// The places to spread signers over, each checked with the application's own validation.
pub fn places() -> Vec<Place> {
    let named = NAMED.iter().map(|(p, s, c)| Place {
        pin_code: (*p).into(),
        state: (*s).into(),
        constituency: (*c).into(),
    });
    let mut pins: Vec<_> = INDIA.pins().collect();
    pins.sort_by_key(|(n, _)| *n);
    let more = pins.into_iter().filter_map(|(n, p)| {
        Some(Place {
            pin_code: format!("{n:06}"),
            state: p.state_code.clone(),
            constituency: p.primary_pc_id.clone()?,
        })
    });
    let mut chosen: Vec<Place> = Vec::new();
    for place in named.chain(more) {
        if chosen.len() == MAX_PLACES {
            break;
        }
        if chosen.iter().all(|c| c.state != place.state) && is_valid(&place) {
            chosen.push(place);
        }
    }
    chosen
}

fn is_valid(p: &Place) -> bool {
    validate(&form(&Signer::new(0, "check", p.clone()))).is_ok()
}

/// One signer, numbered within a run; `tag` keeps the phases' addresses apart.
#[derive(Clone, Debug)]
pub struct Signer {
    pub name: String,
    pub email: String,
    pub place: Place,
}

impl Signer {
    pub fn new(i: usize, tag: &str, place: Place) -> Signer {
        Signer {
            name: format!("Bench Signer {i}"),
            email: format!("{tag}-{i}@bench.example.in"),
            place,
        }
    }

    /// The `i`th signer of a phase, placed round-robin.
    pub fn nth(i: usize, tag: &str, places: &[Place]) -> Signer {
        Signer::new(i, tag, places[i % places.len()].clone())
    }

    /// The sign form's fields, as a browser would post them.
    pub fn form_fields(&self) -> [(&'static str, &str); 5] {
        [
            ("name", &self.name),
            ("email", &self.email),
            ("pin_code", &self.place.pin_code),
            ("state", &self.place.state),
            ("constituency", &self.place.constituency),
        ]
    }
}

fn form(s: &Signer) -> SignForm {
    SignForm {
        name: s.name.clone(),
        email: s.email.clone(),
        pin_code: s.place.pin_code.clone(),
        state: s.place.state.clone(),
        constituency: s.place.constituency.clone(),
        ..SignForm::default()
    }
}
