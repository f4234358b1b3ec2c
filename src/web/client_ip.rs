//! The client's real address: the TCP peer, unless the peer is a trusted proxy, in which case the
//! rightmost `X-Forwarded-For` entry that is not itself a trusted proxy. Entries further left were
//! written by the client and can say anything.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;

pub fn client_ip(req: &HttpRequest, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    Some(resolve(peer, &forwarded, trusted))
}

pub fn resolve(peer: IpAddr, forwarded: &str, trusted: &[IpNet]) -> IpAddr {
    let peer = canonical(peer);
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut client = peer;
    for entry in forwarded.rsplit(',') {
        match parse_entry(entry) {
            Some(ip) if is_trusted(&ip) => client = ip,
            Some(ip) => return ip,
            // A malformed hop: stop believing anything to its left.
            None => return client,
        }
    }
    client
}

/// An IPv4 client seen through a dual-stack socket arrives as `::ffff:a.b.c.d`; it is the IPv4
/// address for every rule (trusted proxies, rate limits).
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

fn parse_entry(entry: &str) -> Option<IpAddr> {
    let e = entry.trim();
    if let Ok(ip) = e.parse() {
        return Some(canonical(ip));
    }
    // "[2001:db8::1]:443" or "203.0.113.9:5000"
    if let Ok(sa) = e.parse::<std::net::SocketAddr>() {
        return Some(canonical(sa.ip()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_proxies;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn untrusted_peers_are_taken_at_their_word() {
        let trusted = parse_proxies("10.0.0.0/8").unwrap();
        assert_eq!(
            resolve(ip("198.51.100.4"), "1.2.3.4", &trusted),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn trusted_proxies_yield_the_rightmost_untrusted_hop() {
        let trusted = parse_proxies("10.0.0.0/8,127.0.0.1").unwrap();
        assert_eq!(
            resolve(ip("127.0.0.1"), "6.6.6.6, 203.0.113.5, 10.1.1.1", &trusted),
            ip("203.0.113.5")
        );
        assert_eq!(resolve(ip("10.0.0.2"), "", &trusted), ip("10.0.0.2"));
        assert_eq!(
            resolve(ip("10.0.0.2"), "garbage, 10.0.0.3", &trusted),
            ip("10.0.0.3")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), "[2001:db8::1]:443", &trusted),
            ip("2001:db8::1")
        );
    }

    #[test]
    fn ipv4_mapped_peers_are_their_ipv4_address() {
        let trusted = parse_proxies("127.0.0.1").unwrap();
        assert_eq!(
            resolve(ip("::ffff:127.0.0.1"), "203.0.113.5", &trusted),
            ip("203.0.113.5"),
            "a proxy on a dual-stack socket is still the trusted proxy"
        );
        assert_eq!(
            resolve(ip("::ffff:198.51.100.4"), "1.2.3.4", &trusted),
            ip("198.51.100.4")
        );
        assert_eq!(
            resolve(ip("127.0.0.1"), "::ffff:203.0.113.9", &trusted),
            ip("203.0.113.9")
        );
    }
}
