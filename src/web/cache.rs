//! Short-lived caches for what every visitor of a petition reads alike: the petition itself and
//! its rendered page. A viral petition is read thousands of times a second and changes only as
//! often as its count, which the counter job moves a few times a second anyway; a second's
//! staleness keeps the page within the two seconds the design allows.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::encoded::Encoded;

pub struct TtlCache<K, V> {
    ttl: Duration,
    max_entries: usize,
    entries: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K: Hash + Eq, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration, max_entries: usize) -> TtlCache<K, V> {
        TtlCache {
            ttl,
            max_entries: max_entries.max(1),
            entries: Mutex::new(HashMap::new()),
        }
    }

    pub fn get(&self, key: &K) -> Option<V> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| v.clone())
    }

    /// Keys come from URLs anyone can type, so the map is bounded: stale entries go first,
    /// then everything if that is not enough.
    pub fn put(&self, key: K, value: V) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= self.max_entries {
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| at.elapsed() < ttl);
            if entries.len() >= self.max_entries {
                entries.clear();
            }
        }
        entries.insert(key, (Instant::now(), value));
    }

    /// Forgets what `gone` picks (what was deleted where it came from).
    pub fn forget(&self, gone: impl Fn(&K) -> bool) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|k, _| !gone(k));
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the shelf keeps: every public response that is the same for every visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKey {
    Home(crate::i18n::Lang),
    Petition(i64, crate::i18n::Lang),
    /// The petition page a signer's confirmation leads to (`?signed`).
    Signed(i64, crate::i18n::Lang),
    Method(i64, crate::i18n::Lang),
    /// The constituency map: all of India (0), or one state (its place in `INDIA.states`, + 1).
    Map(i64, crate::i18n::Lang, u8),
    ApiList,
    /// The Atom feed of new petitions.
    Feed(crate::i18n::Lang),
    ApiPetition(i64),
    /// The members' record: all of India (0) or one state (its place in `INDIA.states`, + 1).
    Representatives(crate::i18n::Lang, u8),
    /// One member's record, by their seat's place in `INDIA.constituencies`.
    Representative(crate::i18n::Lang, u16),
}

/// How long one request may take to make a page again before another may try.
const REFRESH_GRACE: Duration = Duration::from_secs(2);

/// Public pages kept ready to send, each made once per `ttl`. When a page goes stale, the one
/// request that notices makes the next version while every other request goes on getting the
/// previous one, however old (for the few milliseconds it takes): a spike on one petition never
/// renders its page more than once at a time, even the first burst after a quiet hour, whose
/// 32 renders at once once took the server from 50 to 250 MB.
pub struct Shelf<K> {
    ttl: Duration,
    max_entries: usize,
    entries: Mutex<HashMap<K, Slot>>,
}

struct Slot {
    made: Instant,
    page: Arc<Encoded>,
    refreshing: Option<Instant>,
}

impl<K: Hash + Eq + Clone> Shelf<K> {
    pub fn new(ttl: Duration, max_entries: usize) -> Shelf<K> {
        Shelf {
            ttl,
            max_entries: max_entries.max(1),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The page to send, or `None`: then the caller makes it and `put`s it.
    pub fn take(&self, key: &K) -> Option<Arc<Encoded>> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let slot = entries.get_mut(key)?;
        let age = slot.made.elapsed();
        if age < self.ttl {
            return Some(slot.page.clone());
        }
        let someone_else = slot
            .refreshing
            .is_some_and(|since| since.elapsed() < REFRESH_GRACE);
        if someone_else {
            return Some(slot.page.clone());
        }
        slot.refreshing = Some(Instant::now());
        None
    }

    /// Keys come from URLs anyone can type, so the map is bounded as `TtlCache`'s is.
    pub fn put(&self, key: K, page: Arc<Encoded>) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= self.max_entries && !entries.contains_key(&key) {
            let keep = self.ttl + REFRESH_GRACE;
            entries.retain(|_, s| s.made.elapsed() < keep);
            if entries.len() >= self.max_entries {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Slot {
                made: Instant::now(),
                page,
                refreshing: None,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_page_is_made_again_by_one_request_while_others_get_the_old_one() {
        let shelf = Shelf::new(Duration::from_millis(30), 10);
        assert!(shelf.take(&1).is_none(), "nothing yet: the caller makes it");
        let v1 = Arc::new(Encoded::new("text/plain", "one".into()));
        shelf.put(1, v1.clone());
        assert_eq!(shelf.take(&1).unwrap().etag(), v1.etag());
        std::thread::sleep(Duration::from_millis(40));
        assert!(
            shelf.take(&1).is_none(),
            "the first to find it stale makes it"
        );
        for _ in 0..3 {
            assert_eq!(shelf.take(&1).unwrap().etag(), v1.etag(), "the rest wait");
        }
        let v2 = Arc::new(Encoded::new("text/plain", "two".into()));
        shelf.put(1, v2.clone());
        assert_eq!(shelf.take(&1).unwrap().etag(), v2.etag());
        for i in 2..30 {
            shelf.put(i, v2.clone());
        }
        assert!(shelf.entries.lock().unwrap().len() <= 10);
    }

    #[test]
    fn the_first_burst_after_a_quiet_spell_makes_the_page_once() {
        let shelf = Shelf::new(Duration::from_millis(10), 10);
        let v1 = Arc::new(Encoded::new("text/plain", "one".into()));
        shelf.put(1, v1.clone());
        // Longer than the lifetime and the grace together: nobody asked meanwhile.
        std::thread::sleep(REFRESH_GRACE + Duration::from_millis(50));
        assert!(shelf.take(&1).is_none(), "one request makes it");
        for _ in 0..31 {
            assert_eq!(shelf.take(&1).unwrap().etag(), v1.etag(), "the rest wait");
        }
    }

    #[test]
    fn entries_expire_and_the_map_stays_bounded() {
        let c = TtlCache::new(Duration::from_millis(30), 100);
        c.put(1, "a");
        assert_eq!(c.get(&1), Some("a"));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(c.get(&1), None);
        for i in 0..1000 {
            c.put(i, "x");
            assert!(c.len() <= 100);
        }
    }
}
