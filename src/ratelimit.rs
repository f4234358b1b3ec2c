//! Rate limits on signing, logging in and password resets, keyed by the client's real address
//! (see `web::client_ip`) or by the account being tried.
//!
//! A GCRA quota from governor gives each address a burst and a sustained rate. IPv6 addresses
//! are keyed by their /64, which one subscriber usually holds whole. Memory stays bounded under a
//! flood of distinct addresses: idle keys are swept, and if the map still outgrows its cap it is
//! cleared (failing open for a moment; the captcha still stands), logged as a warning.
//!
//! On PostgreSQL, where several app processes share one database, each check also takes a cell
//! of a quota kept in the database (`db::limits`), so N processes give a client one quota, not
//! N. The in-process limiter stays in front of it: a client past its quota in this process is
//! past it everywhere, and is refused without a database round trip (a flood from one address
//! costs the database nothing). A SQLite site is one process, and its limits stay in memory.

use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::SignRate;
use crate::db::{self, DbError, DbPool};

pub struct Limiter<K: Hash + Eq + Clone> {
    quota: Quota,
    // Behind a lock only so a flood can swap in an empty map; checks take the read side.
    limiter: RwLock<Arc<DefaultKeyedRateLimiter<K>>>,
    max_keys: usize,
}

/// Signing attempts per client address.
pub type SignLimiter = Limiter<IpAddr>;

/// A limit as the site applies it: the in-process limiter, then (on PostgreSQL) the quota shared
/// by every process.
pub struct Limit<K: Hash + Eq + Clone> {
    local: Limiter<K>,
    shared: Option<Shared>,
}

/// The shared quota of one limit: GCRA parameters and where it lives.
struct Shared {
    pool: DbPool,
    /// Names the limit inside the key, so that one table holds them all.
    name: &'static str,
    secret: Vec<u8>,
    /// Seconds between two cells of quota.
    interval: f64,
    /// Seconds of cells that may be taken ahead: the burst.
    tolerance: f64,
}

impl<K: Hash + Eq + Clone + std::fmt::Display> Limit<K> {
    /// A limit of `rate`; with `shared` (the pool, when it is PostgreSQL, and the key that hashes
    /// what is stored) it holds across processes.
    pub fn new(
        name: &'static str,
        rate: SignRate,
        max_keys: usize,
        shared: Option<(DbPool, &[u8])>,
    ) -> Limit<K> {
        let interval = 3600.0 / f64::from(rate.per_hour.max(1));
        Limit {
            local: Limiter::new(rate, max_keys),
            shared: shared.map(|(pool, secret)| Shared {
                pool,
                name,
                secret: secret.to_vec(),
                interval,
                tolerance: interval * f64::from(rate.burst.max(1) - 1),
            }),
        }
    }

    /// `Ok(Ok(()))` to go ahead, `Ok(Err(wait))` before this key may try again; an error when
    /// the shared quota cannot be read (the database is down: so is the site).
    pub async fn check_key(&self, key: &K) -> Result<Result<(), Duration>, DbError> {
        if let Err(wait) = self.local.check_key(key) {
            return Ok(Err(wait));
        }
        match self.ticket(key) {
            None => Ok(Ok(())),
            Some(t) => t.spend().await,
        }
    }

    /// The in-process check alone: `Err(wait)` when this process has already seen the key
    /// past its quota (and so has the site).
    pub fn check_local(&self, key: &K) -> Result<(), Duration> {
        self.local.check_key(key)
    }

    /// What taking one cell of the shared quota for `key` needs, to be taken on a connection the
    /// caller holds anyway (`Ticket::take`); `None` where the limits are not shared (SQLite).
    pub fn ticket(&self, key: &K) -> Option<Ticket> {
        let s = self.shared.as_ref()?;
        Some(Ticket {
            // Stored as a keyed hash: the table never holds an address or an account.
            key: crate::tokens::mac(&s.secret, &format!("rate-limit:{}:{key}", s.name)),
            interval: s.interval,
            tolerance: s.tolerance,
            pool: s.pool.clone(),
        })
    }

    /// Forgets keys whose allowance has refilled in this process (`db::limits::sweep` does it
    /// for the shared quotas).
    pub fn sweep(&self) {
        self.local.sweep();
    }
}

impl Limit<IpAddr> {
    /// As `check_key`, for a client address (IPv6 by its /64).
    pub async fn check(&self, ip: IpAddr) -> Result<Result<(), Duration>, DbError> {
        self.check_key(&key_for(ip)).await
    }

    /// As `check_local` and `ticket`, for a client address: `Err(wait)` when refused here,
    /// else the ticket for the shared quota (if any).
    pub fn check_ip(&self, ip: IpAddr) -> Result<Option<Ticket>, Duration> {
        let key = key_for(ip);
        self.check_local(&key)?;
        Ok(self.ticket(&key))
    }
}

/// One cell of a shared quota, to be taken.
pub struct Ticket {
    key: String,
    interval: f64,
    tolerance: f64,
    pool: DbPool,
}

impl Ticket {
    /// Takes the cell on `conn`: `None` when allowed, else how long to wait.
    pub fn take(&self, conn: &mut db::DbConnection) -> diesel::QueryResult<Option<Duration>> {
        Ok(
            db::limits::take(conn, &self.key, self.interval, self.tolerance)?
                .map(|secs| Duration::from_secs_f64(secs).max(Duration::from_secs(1))),
        )
    }

    /// Takes the cell on a connection of its own.
    pub async fn spend(self) -> Result<Result<(), Duration>, DbError> {
        let pool = self.pool.clone();
        let wait = db::run(&pool, move |c| Ok(self.take(c)?)).await?;
        Ok(wait.map_or(Ok(()), Err))
    }
}

impl Limiter<IpAddr> {
    /// `Ok` to go ahead, or `Err(wait)` before this address may try again.
    pub fn check(&self, ip: IpAddr) -> Result<(), Duration> {
        self.check_key(&key_for(ip))
    }
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    pub fn new(rate: SignRate, max_keys: usize) -> Limiter<K> {
        let per_hour = NonZeroU32::new(rate.per_hour.max(1)).expect("non-zero");
        let burst = NonZeroU32::new(rate.burst.max(1)).expect("non-zero");
        let quota = Quota::per_hour(per_hour).allow_burst(burst);
        Limiter {
            quota,
            limiter: RwLock::new(Arc::new(RateLimiter::keyed(quota))),
            max_keys: max_keys.max(1),
        }
    }

    fn current(&self) -> Arc<DefaultKeyedRateLimiter<K>> {
        self.limiter
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// `Ok` to go ahead, or `Err(wait)` before this key may try again.
    pub fn check_key(&self, key: &K) -> Result<(), Duration> {
        if self.len() >= self.max_keys {
            self.sweep();
        }
        self.current().check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.max(Duration::from_secs(1))
        })
    }

    /// Forgets addresses whose allowance has refilled; starts afresh if that is not enough.
    pub fn sweep(&self) {
        let limiter = self.current();
        limiter.retain_recent();
        limiter.shrink_to_fit();
        if limiter.len() >= self.max_keys {
            tracing::warn!(
                keys = limiter.len(),
                "rate limiter full of distinct addresses: starting afresh"
            );
            *self
                .limiter
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) =
                Arc::new(RateLimiter::keyed(self.quota));
        }
    }

    pub fn len(&self) -> usize {
        self.current().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// IPv6 clients are keyed by their /64 prefix: one household or phone gets a whole /64.
pub fn key_for(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return IpAddr::V4(v4);
            }
            let mut seg = v6.segments();
            for s in &mut seg[4..] {
                *s = 0;
            }
            IpAddr::V6(seg.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(burst: u32, max_keys: usize) -> SignLimiter {
        SignLimiter::new(
            SignRate {
                burst,
                per_hour: 60,
            },
            max_keys,
        )
    }

    #[test]
    fn a_burst_then_a_wait_per_address() {
        let l = limiter(3, 1000);
        let a: IpAddr = "203.0.113.7".parse().unwrap();
        let b: IpAddr = "203.0.113.8".parse().unwrap();
        for _ in 0..3 {
            assert!(l.check(a).is_ok());
        }
        let wait = l.check(a).unwrap_err();
        assert!(wait >= Duration::from_secs(1) && wait <= Duration::from_secs(60));
        assert!(l.check(b).is_ok(), "another address is not held back");
    }

    #[test]
    fn ipv6_is_keyed_by_its_64() {
        let l = limiter(1, 1000);
        assert!(l.check("2001:db8:1:2::1".parse().unwrap()).is_ok());
        assert!(l.check("2001:db8:1:2:ffff::9".parse().unwrap()).is_err());
        assert!(l.check("2001:db8:1:3::1".parse().unwrap()).is_ok());
    }

    #[test]
    fn memory_stays_bounded_under_a_flood_of_addresses() {
        let l = limiter(5, 10_000);
        for i in 0..100_000u32 {
            let _ = l.check(IpAddr::V4(i.into()));
            assert!(l.len() <= 10_000);
        }
    }
}
