//! A count no one can dismiss: the signals kept with each signature, the rules every process
//! obeys, invalidations, and the spike alert.
//!
//! Each process keeps the rules and the disposable-domain list in memory and reads them again
//! every `REFRESH` (so a rule added anywhere holds everywhere within seconds). Match rules cost
//! nothing but memory; a rate rule costs one bounded count on an index, and only while it
//! exists. governor stays the first line, per process, in front of all of this.

pub mod cli;
pub mod criteria;
pub mod rules;
pub mod signals;
pub mod spike;
pub mod staff;

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::integrity::{self as store, RateKey, RuleRow};
use crate::db::{self, DbError, DbPool};
use rules::{Action, Candidate, Matcher, Rule, Scope};

/// How often each process reads the rules again: well inside the 10 seconds promised.
pub const REFRESH: Duration = Duration::from_secs(5);

/// The disposable domains shipped with the binary (see `assets/data/disposable/SOURCE.md`).
static BUILT_IN: LazyLock<Arc<HashSet<String>>> = LazyLock::new(|| {
    Arc::new(parse_domain_list(include_str!(
        "../../assets/data/disposable/domains.txt"
    )))
});

/// A domain list as the public list writes it: one per line, `#` comments, blank lines.
pub fn parse_domain_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(|l| {
            l.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|l| rules::parse_domain(l).is_some())
        .collect()
}

/// What one signature carries for the rules and the console.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    /// Only for network-range rules; never stored.
    pub ip: Option<IpAddr>,
    pub network: Option<String>,
    pub ip_hash: Option<String>,
    pub domain: String,
    pub disposable: bool,
    /// Seconds the form was open; -1 when it came without the site's stamp. `None` only when
    /// the checks are off.
    pub form_seconds: Option<i32>,
    pub honeypot: bool,
}

/// The form's own part of the signals, as it arrived.
#[derive(Debug, Clone, Default)]
pub struct FormSignals {
    pub served: String,
    pub honeypot: String,
}

struct Snapshot {
    rules: Vec<Rule>,
    /// Rows this version could not read (kept out of force, shown on the rules page).
    unreadable: Vec<i64>,
    disposable: Arc<HashSet<String>>,
    domains_version: (i64, Option<NaiveDateTime>),
}

pub struct Integrity {
    key: Vec<u8>,
    enabled: bool,
    snapshot: RwLock<Arc<Snapshot>>,
    /// Matches counted since the last refresh, per rule, added to the rule's row then.
    hits: Mutex<HashMap<i64, i64>>,
    /// Recent rate counts (see `over_rate`).
    rates: Mutex<HashMap<RateKey4, CachedCount>>,
}

impl Integrity {
    /// No rules and the shipped list until the first refresh. With `enabled` false (only to
    /// measure what the checks cost) signatures carry no signals and no rule applies.
    pub fn new(key: &[u8], enabled: bool) -> Integrity {
        Integrity {
            key: key.to_vec(),
            enabled,
            snapshot: RwLock::new(Arc::new(Snapshot {
                rules: Vec::new(),
                unreadable: Vec::new(),
                disposable: BUILT_IN.clone(),
                domains_version: (0, None),
            })),
            hits: Mutex::new(HashMap::new()),
            rates: Mutex::new(HashMap::new()),
        }
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Writes the hits counted so far, then reads the rules (and the domain list, when an
    /// import changed it) again.
    pub fn refresh(&self, conn: &mut db::DbConnection) -> diesel::QueryResult<()> {
        let hits: Vec<(i64, i64)> = std::mem::take(&mut *self.hits.lock().expect("hits lock"))
            .into_iter()
            .collect();
        if let Err(e) = store::add_hits(conn, &hits) {
            // Put them back for the next round rather than lose them.
            let mut h = self.hits.lock().expect("hits lock");
            for (id, n) in hits {
                *h.entry(id).or_default() += n;
            }
            return Err(e);
        }
        let rows = store::rules(conn)?;
        let (rules, unreadable) = read_rows(rows);
        let old = self.snapshot();
        let version = store::domains_version(conn)?;
        let disposable = if version == old.domains_version {
            old.disposable.clone()
        } else if version.0 == 0 {
            BUILT_IN.clone()
        } else {
            Arc::new(store::domains(conn)?.into_iter().collect())
        };
        *self.snapshot.write().expect("snapshot lock") = Arc::new(Snapshot {
            rules,
            unreadable,
            disposable,
            domains_version: version,
        });
        Ok(())
    }

    /// Refreshes every `REFRESH` for as long as the process runs.
    pub fn keep_fresh(self: Arc<Self>, pool: DbPool) {
        tokio::spawn(async move {
            let mut every = tokio::time::interval(REFRESH);
            loop {
                every.tick().await;
                let me = self.clone();
                if let Err(e) = db::run(&pool, move |c| Ok(me.refresh(c)?)).await {
                    tracing::warn!(error = %e, "integrity rules not refreshed");
                }
            }
        });
    }

    /// Rule ids stored in a form this version cannot read.
    pub fn unreadable(&self) -> Vec<i64> {
        self.snapshot().unreadable.clone()
    }

    /// Whether `domain`, or a domain above it, is on the disposable list.
    pub fn is_disposable(&self, domain: &str) -> bool {
        let list = &self.snapshot().disposable;
        let mut d = domain;
        loop {
            if list.contains(d) {
                return true;
            }
            match d.split_once('.') {
                Some((_, rest)) if rest.contains('.') => d = rest,
                _ => return false,
            }
        }
    }

    /// The signals of a signature from `ip` with address `email`, its form as sent.
    pub fn signals(
        &self,
        ip: Option<IpAddr>,
        email: &str,
        form: &FormSignals,
        now: NaiveDateTime,
    ) -> Signals {
        let domain = signals::domain_of(email);
        if !self.enabled {
            return Signals {
                domain,
                ..Signals::default()
            };
        }
        Signals {
            ip,
            network: ip.map(signals::network),
            ip_hash: ip.map(|ip| signals::ip_hash(&self.key, ip)),
            disposable: self.is_disposable(&domain),
            domain,
            form_seconds: Some(signals::form_seconds(&self.key, &form.served, now).unwrap_or(-1)),
            honeypot: !form.honeypot.trim().is_empty(),
        }
    }

    /// What the rules say of a signature about to be stored on `petition`: nothing, hold or
    /// block (the strongest action of the rules it meets).
    pub async fn judge(
        &self,
        pool: &DbPool,
        petition: i64,
        canonical: &str,
        s: &Signals,
    ) -> Result<Option<Action>, DbError> {
        if !self.enabled {
            return Ok(None);
        }
        let snap = self.snapshot();
        let candidate = Candidate {
            ip: s.ip,
            canonical,
            domain: &s.domain,
            disposable: s.disposable,
            form_seconds: s.form_seconds,
            honeypot: s.honeypot,
        };
        let mut met: Vec<(i64, Action)> = snap
            .rules
            .iter()
            .filter(|r| r.matcher.matches(&candidate))
            .map(|r| (r.id, r.action))
            .collect();
        let blocked = met.iter().any(|(_, a)| *a == Action::Block);
        if !blocked {
            met.extend(self.over_rate(pool, &snap, petition, s).await?);
        }
        let mut hits = self.hits.lock().expect("hits lock");
        for (id, _) in &met {
            *hits.entry(*id).or_default() += 1;
        }
        Ok(met.into_iter().map(|(_, a)| a).max())
    }

    /// The rate rules a signature would break: those whose limit the signatures already there
    /// reach. Each count is the database's, at most `RATE_FRESH` old, plus what this process
    /// has let through since: a wave comes from one network or domain, so its count is read
    /// from the database about once a second instead of once a signature.
    async fn over_rate(
        &self,
        pool: &DbPool,
        snap: &Snapshot,
        petition: i64,
        s: &Signals,
    ) -> Result<Vec<(i64, Action)>, DbError> {
        let mut checks: Vec<RateCheck> = Vec::new();
        for r in &snap.rules {
            let Matcher::Rate {
                scope,
                burst,
                sustained,
            } = &r.matcher
            else {
                continue;
            };
            let key = match scope {
                Scope::Ip => s.ip_hash.clone(),
                Scope::Network => s.network.clone(),
                Scope::Domain => Some(s.domain.clone()),
                Scope::Petition => Some(String::new()),
            };
            let Some(key) = key else { continue };
            for (limit, secs) in [(burst, 60), (sustained, 3600)] {
                if let Some(limit) = limit {
                    checks.push(RateCheck {
                        rule: r.id,
                        action: r.action,
                        scope: *scope,
                        limit: i64::from(*limit),
                        key: (petition, r.id, secs, key.clone()),
                        count: None,
                    });
                }
            }
        }
        if checks.is_empty() {
            return Ok(Vec::new());
        }
        let now = std::time::Instant::now();
        // Which counts this request reads from the database: a key seen for the second time,
        // and a count gone stale (then this request alone refreshes it: the others go on with
        // the count as it stands, so a busy second does not send every request to the
        // database at once).
        let mut stale: Vec<(usize, Scope, String, i64, i64)> = Vec::new();
        {
            let mut cache = self.rates.lock().expect("rates lock");
            if cache.len() > RATE_CACHE_MAX {
                cache.clear();
            }
            for (i, c) in checks.iter_mut().enumerate() {
                let read = match cache.get_mut(&c.key) {
                    Some(e) => {
                        c.count = Some(e.count + e.added);
                        let old = !e.read || now.duration_since(e.at) >= RATE_FRESH;
                        if old {
                            e.at = now;
                            e.read = true;
                        }
                        old
                    }
                    // A key this process meets for the first time (in a crowd, nearly every
                    // client address and network) is read from the database the second time:
                    // one signature per key and process goes unchecked, and a crowd of
                    // newcomers costs no reads at all.
                    None => {
                        cache.insert(
                            c.key.clone(),
                            CachedCount {
                                count: 0,
                                added: 0,
                                at: now,
                                read: false,
                            },
                        );
                        c.count = Some(0);
                        false
                    }
                };
                if read {
                    stale.push((i, c.scope, c.key.3.clone(), c.key.2, c.limit));
                }
            }
        }
        if !stale.is_empty() {
            let read = db::run(pool, move |conn| {
                let t = db::now();
                let mut out = Vec::with_capacity(stale.len());
                for (i, scope, key, secs, limit) in stale {
                    let key = match scope {
                        Scope::Ip => RateKey::Ip(&key),
                        Scope::Network => RateKey::Network(&key),
                        Scope::Domain => RateKey::Domain(&key),
                        Scope::Petition => RateKey::Petition,
                    };
                    let since = t - chrono::Duration::seconds(secs);
                    out.push((i, store::recent(conn, petition, key, since, limit)?));
                }
                Ok(out)
            })
            .await?;
            let mut cache = self.rates.lock().expect("rates lock");
            for (i, n) in read {
                checks[i].count = Some(n);
                cache.insert(
                    checks[i].key.clone(),
                    CachedCount {
                        count: n,
                        added: 0,
                        at: now,
                        read: true,
                    },
                );
            }
        }
        // This signature will be stored (held or not): it counts in every window it is in.
        let mut cache = self.rates.lock().expect("rates lock");
        for c in &checks {
            if let Some(e) = cache.get_mut(&c.key) {
                e.added += 1;
            }
        }
        let mut seen = HashSet::new();
        Ok(checks
            .iter()
            .filter(|c| c.count.is_some_and(|n| n >= c.limit))
            .map(|c| (c.rule, c.action))
            .filter(|(id, _)| seen.insert(*id))
            .collect())
    }
}

/// How old a rate count read from the database may be before it is read again.
const RATE_FRESH: Duration = Duration::from_secs(1);
/// Counts kept at most; past this the cache starts again (a flood of distinct keys).
const RATE_CACHE_MAX: usize = 50_000;

/// (petition, rule, window in seconds, the signature's value for the rule's scope).
type RateKey4 = (i64, i64, i64, String);

/// One window of one rate rule, for one signature.
struct RateCheck {
    rule: i64,
    action: Action,
    scope: Scope,
    limit: i64,
    key: RateKey4,
    count: Option<i64>,
}

struct CachedCount {
    count: i64,
    /// Signatures this process let through since the count was read.
    added: i64,
    at: std::time::Instant,
    /// Whether `count` came from the database (a first sighting's is assumed 0).
    read: bool,
}

/// Rules from their rows, and the ids of rows this version cannot read.
pub fn read_rows(rows: Vec<RuleRow>) -> (Vec<Rule>, Vec<i64>) {
    let mut rules = Vec::new();
    let mut unreadable = Vec::new();
    for r in rows {
        let matcher = rules::from_row(&r.kind, r.scope.as_deref(), &r.value, r.burst, r.sustained);
        match (matcher, Action::parse(&r.action)) {
            (Some(matcher), Some(action)) => rules.push(Rule {
                id: r.id,
                matcher,
                action,
                note: r.note,
                hits: r.hits,
                created_at: r.created_at,
                created_by: r.created_by,
            }),
            _ => unreadable.push(r.id),
        }
    }
    (rules, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_is_read_and_parents_count() {
        let i = Integrity::new(b"k", true);
        assert!(BUILT_IN.len() > 5_000);
        assert!(i.is_disposable("guerrillamail.com"));
        assert!(i.is_disposable("inbox.guerrillamail.com"));
        assert!(!i.is_disposable("gmail.com"));
        assert!(!i.is_disposable("com"));
    }

    #[test]
    fn signals_keep_the_network_not_the_address() {
        let i = Integrity::new(b"k", true);
        let form = FormSignals {
            served: String::new(),
            honeypot: "http://spam".into(),
        };
        let s = i.signals(
            Some("198.51.100.23".parse().unwrap()),
            "x@guerrillamail.com",
            &form,
            db::now(),
        );
        assert_eq!(s.network.as_deref(), Some("198.51.100.0/24"));
        assert!(s.disposable && s.honeypot);
        assert_eq!(s.form_seconds, Some(-1));
        assert!(!s.ip_hash.unwrap().contains("198.51"));
        let off =
            Integrity::new(b"k", false).signals(None, "x@guerrillamail.com", &form, db::now());
        assert_eq!(off.domain, "guerrillamail.com");
        assert!(!off.disposable && off.network.is_none() && off.form_seconds.is_none());
    }
}
