//! The criteria of an invalidation, from the console's form or the command line's options:
//! which of a petition's signatures it takes.

use chrono::{NaiveDate, NaiveDateTime};
use ipnet::IpNet;

use super::rules::{parse_domain, parse_network};
use super::signals;
use crate::db::integrity::{Criteria, Flag};
use crate::domain::EmailAddress;
use crate::forms::{Form, Problems};
use crate::refdata::INDIA;

/// The fields, as the form and the command line name them.
pub const FIELDS: [&str; 7] = [
    "network",
    "domain",
    "address",
    "since",
    "until",
    "constituency",
    "flag",
];

/// Reads the criteria; every field at fault is named. `key` hashes a single client address.
/// `keys` turns an address into its blind index, as signatures store it (and as the
/// invalidation's record keeps it: never the address itself).
pub fn parse(f: &Form, key: &[u8], keys: &crate::seal::Keys) -> Result<Criteria, Problems> {
    let mut problems = Problems::default();
    let mut c = Criteria::default();
    let given = |name: &str| Some(f.get(name).trim()).filter(|v| !v.is_empty());
    if let Some(v) = given("network") {
        match parse_network(v).map(|n| networks(n, key)) {
            Some(Ok(Networks::Each(list))) => c.networks = list,
            Some(Ok(Networks::One(hash))) => c.ip_hash = Some(hash),
            Some(Err(key)) => problems.add("network", key),
            None => problems.add("network", "error-network"),
        }
    }
    if let Some(v) = given("domain") {
        match parse_domain(v) {
            Some(d) => c.domain = Some(d),
            None => problems.add("domain", "error-domain"),
        }
    }
    if let Some(v) = given("address") {
        match EmailAddress::parse(v) {
            Ok(e) => c.address = Some(keys.index(&EmailAddress::canonical(e.as_str()))),
            Err(_) => problems.add("address", "error-email"),
        }
    }
    for (name, slot) in [("since", &mut c.since), ("until", &mut c.until)] {
        if let Some(v) = given(name) {
            match parse_time(v) {
                Some(t) => *slot = Some(t),
                None => problems.add(name, "error-time"),
            }
        }
    }
    if let (Some(a), Some(b)) = (c.since, c.until)
        && a >= b
    {
        problems.add("until", "error-time-order");
    }
    if let Some(v) = given("constituency") {
        match INDIA.constituency(v) {
            Some(pc) => c.pc_id = Some(pc.pc_id.clone()),
            None => problems.add("constituency", "error-constituency"),
        }
    }
    if let Some(v) = given("flag") {
        match Flag::parse(v) {
            Some(flag) => c.flag = Some(flag),
            None => problems.add("flag", "error-flag"),
        }
    }
    if problems.is_empty() && c.is_empty() {
        problems.add("network", "error-criteria-none");
    }
    if problems.is_empty() {
        Ok(c)
    } else {
        Err(problems)
    }
}

enum Networks {
    /// The /24s or /48s inside the range.
    Each(Vec<String>),
    /// A single address, by its keyed hash.
    One(String),
}

/// The stored networks a range covers. Signatures keep their /24 (or /48) and a hash of the
/// full address, so a range is either whole networks (at most 256 of them) or one address.
fn networks(n: IpNet, key: &[u8]) -> Result<Networks, &'static str> {
    let (stored, widest) = match n {
        IpNet::V4(_) => (24, 16),
        IpNet::V6(_) => (48, 40),
    };
    let len = n.prefix_len();
    if len == n.max_prefix_len() {
        return Ok(Networks::One(signals::ip_hash(key, n.addr())));
    }
    if len > stored {
        return Err("error-network-narrow");
    }
    if len < widest {
        return Err("error-network-wide");
    }
    let list = n
        .subnets(stored)
        .map_err(|_| "error-network")?
        .map(|s| signals::network(s.addr()))
        .collect();
    Ok(Networks::Each(list))
}

/// A time in UTC: `2026-12-02T10:30` (as a datetime field sends it), `2026-12-02 10:30:00`,
/// RFC 3339, or a date (its midnight).
pub fn parse_time(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    for format in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pairs: &[(&str, &str)]) -> Result<Criteria, Vec<&'static str>> {
        parse(&Form::from_pairs(pairs), b"k", &test_keys())
            .map_err(|p| p.0.iter().map(|e| e.field).collect())
    }

    fn test_keys() -> crate::seal::Keys {
        crate::seal::Keys::new(&[1u8; 32], &[])
    }

    #[test]
    fn a_range_becomes_its_networks_or_one_address() {
        let c = parsed(&[("network", "198.51.100.0/24")]).unwrap();
        assert_eq!(c.networks, ["198.51.100.0/24"]);
        let c = parsed(&[("network", "198.51.0.0/23")]).unwrap();
        assert_eq!(c.networks, ["198.51.0.0/24", "198.51.1.0/24"]);
        let c = parsed(&[("network", "198.51.100.7")]).unwrap();
        assert_eq!(
            c.ip_hash,
            Some(signals::ip_hash(b"k", "198.51.100.7".parse().unwrap()))
        );
        assert_eq!(
            parsed(&[("network", "198.51.100.0/28")]).unwrap_err(),
            ["network"]
        );
        assert_eq!(
            parsed(&[("network", "10.0.0.0/8")]).unwrap_err(),
            ["network"]
        );
        let c = parsed(&[("network", "2001:db8:1::/48")]).unwrap();
        assert_eq!(c.networks, ["2001:db8:1::/48"]);
    }

    #[test]
    fn bad_or_missing_criteria_are_named() {
        assert_eq!(parsed(&[]).unwrap_err(), ["network"]);
        assert_eq!(
            parsed(&[
                ("domain", "no spaces.in"),
                ("since", "yesterday"),
                ("flag", "odd")
            ])
            .unwrap_err(),
            ["domain", "since", "flag"]
        );
        assert_eq!(
            parsed(&[("since", "2026-12-02"), ("until", "2026-12-01")]).unwrap_err(),
            ["until"]
        );
        let c = parsed(&[("address", "Ann.Example+x@googlemail.com")]).unwrap();
        assert_eq!(
            c.address,
            Some(test_keys().index("annexample@gmail.com")),
            "one inbox, by its blind index"
        );
    }
}
