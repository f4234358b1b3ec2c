//! Rules every process obeys: what they match, what they do, and how a staff member's form (or
//! a row read back from the database) becomes one.

use std::net::IpAddr;

use ipnet::IpNet;

use crate::forms::{Form, Problems};

/// What a rule does to a signature it matches. The signer sees the same page either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// Kept, and the confirmation email goes out, but not counted until a moderator releases it.
    Hold,
    /// Nothing is stored, sent or counted.
    Block,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Hold => "hold",
            Action::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        match s {
            "hold" => Some(Action::Hold),
            "block" => Some(Action::Block),
            _ => None,
        }
    }
}

/// What a rate rule counts, always on the petition being signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One client address (by its keyed hash).
    Ip,
    /// One /24 or /48 network.
    Network,
    /// One email domain.
    Domain,
    /// The petition as a whole.
    Petition,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Ip, Scope::Network, Scope::Domain, Scope::Petition];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Ip => "ip",
            Scope::Network => "network",
            Scope::Domain => "domain",
            Scope::Petition => "petition",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.code() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// More than `burst` signatures in a minute, or more than `sustained` in an hour.
    Rate {
        scope: Scope,
        burst: Option<i32>,
        sustained: Option<i32>,
    },
    Network(IpNet),
    /// The domain or any domain under it.
    Domain(String),
    /// A pattern on the canonical address, `*` standing for any run of characters.
    Address(String),
    Disposable,
    /// The form came back sooner than this many seconds after it was served, or without the
    /// site's stamp at all (stored as -1).
    TooFast(i32),
    Honeypot,
}

impl Matcher {
    pub const KINDS: [&'static str; 7] = [
        "rate",
        "network",
        "domain",
        "address",
        "disposable",
        "too_fast",
        "honeypot",
    ];

    pub fn kind(&self) -> &'static str {
        match self {
            Matcher::Rate { .. } => "rate",
            Matcher::Network(_) => "network",
            Matcher::Domain(_) => "domain",
            Matcher::Address(_) => "address",
            Matcher::Disposable => "disposable",
            Matcher::TooFast(_) => "too_fast",
            Matcher::Honeypot => "honeypot",
        }
    }

    /// The rule's value as stored and shown.
    pub fn value(&self) -> String {
        match self {
            Matcher::Rate { .. } | Matcher::Disposable | Matcher::Honeypot => String::new(),
            Matcher::Network(n) => n.to_string(),
            Matcher::Domain(d) | Matcher::Address(d) => d.clone(),
            Matcher::TooFast(s) => s.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: i64,
    pub matcher: Matcher,
    pub action: Action,
    pub note: String,
    pub hits: i64,
    pub created_at: chrono::NaiveDateTime,
    pub created_by: String,
}

/// A signature about to be stored, as the rules see it.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub ip: Option<IpAddr>,
    pub canonical: &'a str,
    pub domain: &'a str,
    pub disposable: bool,
    pub form_seconds: Option<i32>,
    pub honeypot: bool,
}

impl Matcher {
    /// Whether a match rule matches; rate rules need the database and never match here.
    pub fn matches(&self, c: &Candidate<'_>) -> bool {
        match self {
            Matcher::Rate { .. } => false,
            Matcher::Network(n) => c.ip.is_some_and(|ip| n.contains(&ip)),
            Matcher::Domain(d) => domain_within(c.domain, d),
            Matcher::Address(p) => glob(p, c.canonical),
            Matcher::Disposable => c.disposable,
            Matcher::TooFast(min) => c.form_seconds.is_some_and(|s| s < *min),
            Matcher::Honeypot => c.honeypot,
        }
    }
}

/// `domain` is `parent` or lies under it.
pub fn domain_within(domain: &str, parent: &str) -> bool {
    domain == parent
        || domain
            .strip_suffix(parent)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// `*` matches any run of characters (none included); everything else matches itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

/// A domain as staff type it: lower case, labels of letters, digits and hyphens.
pub fn parse_domain(s: &str) -> Option<String> {
    let d = s.trim().trim_start_matches('@').to_ascii_lowercase();
    let ok = d.contains('.')
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    ok.then_some(d)
}

/// A network range: CIDR, or a single address.
pub fn parse_network(s: &str) -> Option<IpNet> {
    let s = s.trim();
    s.parse::<IpNet>()
        .map(|n| n.trunc())
        .ok()
        .or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

/// An address pattern: an address with `*` where anything may stand, lower case.
pub fn parse_pattern(s: &str) -> Option<String> {
    let p = s.trim().to_ascii_lowercase();
    let ok = !p.is_empty()
        && p.len() <= 254
        && p.contains('@')
        && p != "*@*"
        && p.chars().all(|c| c.is_ascii_graphic());
    ok.then_some(p)
}

/// A new rule as a staff member asked for it (`kind`, `scope`, `value`, `burst`, `sustained`,
/// `action`, `note`); every field at fault is named.
pub fn from_form(f: &Form) -> Result<(Matcher, Action, String), Problems> {
    let mut problems = Problems::default();
    let value = f.get("value");
    let limit = |name: &'static str, problems: &mut Problems| -> Option<i32> {
        let v = f.get(name).trim();
        if v.is_empty() {
            return None;
        }
        match v.parse::<i32>() {
            Ok(n) if (1..=1_000_000).contains(&n) => Some(n),
            _ => {
                problems.add(name, "error-rule-limit");
                None
            }
        }
    };
    let matcher = match f.get("kind") {
        "rate" => {
            let scope = Scope::parse(f.get("scope"));
            if scope.is_none() {
                problems.add("scope", "error-rule-scope");
            }
            let burst = limit("burst", &mut problems);
            let sustained = limit("sustained", &mut problems);
            if burst.is_none() && sustained.is_none() && problems.is_empty() {
                problems.add("burst", "error-rule-rate");
            }
            scope.map(|scope| Matcher::Rate {
                scope,
                burst,
                sustained,
            })
        }
        "network" => parse_network(value).map(Matcher::Network),
        "domain" => parse_domain(value).map(Matcher::Domain),
        "address" => parse_pattern(value).map(Matcher::Address),
        "disposable" => Some(Matcher::Disposable),
        "too_fast" => match value.trim().parse::<i32>() {
            Ok(s) if (1..=3600).contains(&s) => Some(Matcher::TooFast(s)),
            _ => None,
        },
        "honeypot" => Some(Matcher::Honeypot),
        _ => {
            problems.add("kind", "error-rule-kind");
            None
        }
    };
    if matcher.is_none() && problems.is_empty() {
        problems.add("value", "error-rule-value");
    }
    let action = Action::parse(f.get("action"));
    if action.is_none() {
        problems.add("action", "error-rule-action");
    }
    let note = f.get("note").trim().to_string();
    if note.chars().count() > 500 {
        problems.add("note", "error-too-long");
    }
    match (matcher, action) {
        (Some(m), Some(a)) if problems.is_empty() => Ok((m, a, note)),
        _ => Err(problems),
    }
}

/// A rule read back from its row; `None` for a row this version cannot read (it is then
/// ignored, and shown as such, rather than stopping the site).
pub fn from_row(
    kind: &str,
    scope: Option<&str>,
    value: &str,
    burst: Option<i32>,
    sustained: Option<i32>,
) -> Option<Matcher> {
    Some(match kind {
        "rate" => Matcher::Rate {
            scope: Scope::parse(scope?)?,
            burst,
            sustained,
        },
        "network" => Matcher::Network(parse_network(value)?),
        "domain" => Matcher::Domain(parse_domain(value)?),
        "address" => Matcher::Address(parse_pattern(value)?),
        "disposable" => Matcher::Disposable,
        "too_fast" => Matcher::TooFast(value.parse().ok()?),
        "honeypot" => Matcher::Honeypot,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate<'a>(canonical: &'a str, domain: &'a str) -> Candidate<'a> {
        Candidate {
            ip: Some("198.51.100.7".parse().unwrap()),
            canonical,
            domain,
            disposable: false,
            form_seconds: Some(30),
            honeypot: false,
        }
    }

    #[test]
    fn match_rules_match_what_they_say() {
        let c = candidate("bot17@mail.spam.example", "mail.spam.example");
        assert!(Matcher::Network(parse_network("198.51.100.0/24").unwrap()).matches(&c));
        assert!(!Matcher::Network(parse_network("198.51.101.0/24").unwrap()).matches(&c));
        assert!(Matcher::Domain("spam.example".into()).matches(&c));
        assert!(!Matcher::Domain("am.example".into()).matches(&c));
        assert!(Matcher::Address("bot*@*spam.example".into()).matches(&c));
        assert!(!Matcher::Address("bot*@example.in".into()).matches(&c));
        assert!(!Matcher::TooFast(5).matches(&c));
        assert!(Matcher::TooFast(60).matches(&c));
        let unstamped = Candidate {
            form_seconds: Some(-1),
            ..c.clone()
        };
        assert!(Matcher::TooFast(5).matches(&unstamped));
        assert!(!Matcher::Honeypot.matches(&c) && !Matcher::Disposable.matches(&c));
    }

    #[test]
    fn globs() {
        assert!(glob("a*b*c", "abc"));
        assert!(glob("a*b*c", "axxbyyc"));
        assert!(!glob("a*b*c", "axxc"));
        assert!(!glob("ab*ba", "aba"));
        assert!(glob("exact@x.in", "exact@x.in"));
    }

    #[test]
    fn a_bad_rule_names_its_field() {
        let f = Form::from_pairs(&[
            ("kind", "network"),
            ("value", "300.1.2.0/24"),
            ("action", "hold"),
        ]);
        assert_eq!(from_form(&f).unwrap_err().0[0].field, "value");
        let f = Form::from_pairs(&[
            ("kind", "rate"),
            ("scope", "network"),
            ("burst", "-3"),
            ("action", "block"),
        ]);
        assert_eq!(from_form(&f).unwrap_err().0[0].field, "burst");
        let f = Form::from_pairs(&[("kind", "rate"), ("scope", "network"), ("action", "block")]);
        assert_eq!(from_form(&f).unwrap_err().0[0].field, "burst");
        let f = Form::from_pairs(&[
            ("kind", "domain"),
            ("value", "spam.example"),
            ("action", "delete"),
        ]);
        assert_eq!(from_form(&f).unwrap_err().0[0].field, "action");
        let f = Form::from_pairs(&[
            ("kind", "domain"),
            ("value", "Spam.Example"),
            ("action", "block"),
        ]);
        assert_eq!(
            from_form(&f).unwrap().0,
            Matcher::Domain("spam.example".into())
        );
    }
}
