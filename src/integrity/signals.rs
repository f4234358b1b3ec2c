//! The signals kept with a signature, each only as precise as finding a wave needs: the client's
//! network rather than its address, a keyed hash of the address (equal addresses match, the
//! address cannot be read back without the key), the email's domain, and two facts about the
//! form: how long it was open, and whether its honeypot was filled in.

use std::net::IpAddr;

use chrono::NaiveDateTime;

use crate::tokens;

/// The hidden field no person sees or fills in.
pub const HONEYPOT_FIELD: &str = "website";
/// The hidden field that carries when the form was served, signed.
pub const SERVED_FIELD: &str = "served";

/// The network an address belongs to, as a CIDR: IPv4 /24, IPv6 /48 (a site's allocation).
pub fn network(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

/// A keyed hash of the full address: enough to see one address signing again and again, never
/// the address.
pub fn ip_hash(key: &[u8], ip: IpAddr) -> String {
    tokens::mac(key, &format!("client-address:{ip}"))
}

/// The value of the `served` field for a form rendered at `at`: the time and its MAC.
pub fn served_stamp(key: &[u8], at: NaiveDateTime) -> String {
    let secs = at.and_utc().timestamp();
    format!(
        "{secs}.{}",
        tokens::mac(key, &format!("form-served:{secs}"))
    )
}

/// Seconds from the form being served to `now`, if the stamp is ours and unaltered; `None` for
/// a missing or forged one (a form never loaded from this site).
pub fn form_seconds(key: &[u8], stamp: &str, now: NaiveDateTime) -> Option<i32> {
    let (secs, mac) = stamp.trim().split_once('.')?;
    let secs: i64 = secs.parse().ok()?;
    if !tokens::mac_matches(key, &format!("form-served:{secs}"), mac) {
        return None;
    }
    let elapsed = now.and_utc().timestamp() - secs;
    // A stamp from the future was not made by this clock; a week-old one says nothing useful.
    (0..=7 * 24 * 3600)
        .contains(&elapsed)
        .then(|| i32::try_from(elapsed).unwrap_or(i32::MAX))
}

/// The domain of an address (lower case), for counting and for the disposable list.
pub fn domain_of(email: &str) -> String {
    email
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_are_a_slash_24_or_a_slash_48() {
        assert_eq!(network("198.51.100.23".parse().unwrap()), "198.51.100.0/24");
        assert_eq!(
            network("2001:db8:abcd:12::1".parse().unwrap()),
            "2001:db8:abcd::/48"
        );
    }

    #[test]
    fn the_address_hash_is_keyed_and_hides_the_address() {
        let ip = "198.51.100.23".parse().unwrap();
        let h = ip_hash(b"key one", ip);
        assert_eq!(h, ip_hash(b"key one", ip));
        assert_ne!(h, ip_hash(b"key two", ip));
        assert!(!h.contains("198"));
    }

    #[test]
    fn a_stamp_tells_the_seconds_and_refuses_forgeries() {
        let t = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .naive_utc();
        let stamp = served_stamp(b"k", t);
        let later = t + chrono::Duration::seconds(9);
        assert_eq!(form_seconds(b"k", &stamp, later), Some(9));
        assert_eq!(form_seconds(b"other", &stamp, later), None);
        let forged = stamp.replacen("1800000000", "1799999000", 1);
        assert_eq!(form_seconds(b"k", &forged, later), None);
        assert_eq!(form_seconds(b"k", "", later), None);
        assert_eq!(form_seconds(b"k", "12.zz", later), None);
        // From the future: not ours.
        assert_eq!(
            form_seconds(b"k", &stamp, t - chrono::Duration::seconds(5)),
            None
        );
    }
}
