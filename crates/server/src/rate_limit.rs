//! Request budgets held in memory, on the office's clock: [`RateLimiter`] counts requests per
//! key (an action and a client, an account or an address) in fixed windows, and
//! [`FailureDelays`] makes a client wait 2, 4, 8 … seconds after too many wrong passwords.
//! Both forget a key when its window or wait is over and never hold more than a fixed number
//! of keys, so a flood of new client addresses cannot grow them without bound.
//!
//! Written here rather than with a general crate (governor): the budgets run on the office's
//! injectable clock (the unit tests move it), answer how long to wait (`Retry-After`) and the
//! failure delays grow with each failure, which a constant-rate limiter does not do.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Keys held at most by one limiter; past this a new key is refused until old ones expire.
pub const MAX_KEYS: usize = 100_000;

/// The key of a client address: the address itself for IPv4, its /64 network for IPv6 (one
/// household or machine usually holds a whole /64).
pub fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    ends: i64,
    count: u32,
}

/// At most `limit` requests per key in a window of `seconds`, counted from the key's first
/// request in the window.
#[derive(Debug)]
pub struct RateLimiter {
    windows: Mutex<HashMap<String, Window>>,
    max_keys: usize,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter::with_capacity(MAX_KEYS)
    }
}

impl RateLimiter {
    pub fn with_capacity(max_keys: usize) -> RateLimiter {
        RateLimiter {
            windows: Mutex::new(HashMap::new()),
            max_keys,
        }
    }

    /// Counts one request for `key`; `Err(seconds)` when over the budget, with how long until
    /// the window ends.
    pub fn check(&self, key: &str, limit: u32, seconds: i64, now: i64) -> Result<(), i64> {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if !windows.contains_key(key) && windows.len() >= self.max_keys / 2 {
            windows.retain(|_, w| w.ends > now);
            if windows.len() >= self.max_keys {
                return Err(60);
            }
        }
        let w = windows.entry(key.to_owned()).or_insert(Window {
            ends: now + seconds,
            count: 0,
        });
        if w.ends <= now {
            *w = Window {
                ends: now + seconds,
                count: 0,
            };
        }
        if w.count >= limit {
            return Err((w.ends - now).max(1));
        }
        w.count += 1;
        Ok(())
    }

    /// How many keys are held now (for the tests of the shrinking).
    pub fn keys(&self) -> usize {
        self.windows.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Seconds to wait after the `failures`-th failure when the first `free` cost nothing: 0, then
/// 2, 4, 8 … up to `cap`. The store computes the same for accounts in SQL.
pub fn wait_after(failures: i64, free: i64, cap: i64) -> i64 {
    if failures < free {
        0
    } else {
        let k = (failures - free).min(62) as u32;
        2i64.checked_shl(k)
            .filter(|w| *w > 0)
            .unwrap_or(cap)
            .min(cap)
    }
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: i64,
    wait_until: i64,
    last: i64,
}

/// Progressive delays per key (a client address): each attempt is claimed before it is
/// evaluated; a claim while the key must wait is refused. A failure-free key is forgotten.
#[derive(Debug)]
pub struct FailureDelays {
    keys: Mutex<HashMap<String, Failures>>,
    free: i64,
    cap: i64,
    max_keys: usize,
}

impl FailureDelays {
    pub fn new(free: i64, cap: i64) -> FailureDelays {
        FailureDelays {
            keys: Mutex::new(HashMap::new()),
            free,
            cap,
            max_keys: MAX_KEYS,
        }
    }

    /// Claims one attempt for `key`: counted as a failure until [`FailureDelays::refund`]
    /// says it was not one. `Err(seconds)` while the key must wait.
    pub fn claim(&self, key: &str, now: i64) -> Result<(), i64> {
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        if !keys.contains_key(key) && keys.len() >= self.max_keys / 2 {
            // A key idle for a day after its wait is forgotten.
            keys.retain(|_, f| f.wait_until > now || f.last + 24 * 3600 > now);
            if keys.len() >= self.max_keys {
                return Err(60);
            }
        }
        let f = keys.entry(key.to_owned()).or_insert(Failures {
            count: 0,
            wait_until: 0,
            last: now,
        });
        if f.wait_until > now {
            return Err(f.wait_until - now);
        }
        f.count += 1;
        f.last = now;
        f.wait_until = now + wait_after(f.count, self.free, self.cap);
        Ok(())
    }

    /// The claimed attempt was not a failure (right password, or not evaluated).
    pub fn refund(&self, key: &str) {
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = keys.get_mut(key) {
            f.count -= 1;
            if f.count <= 0 {
                keys.remove(key);
            } else if f.count < self.free {
                f.wait_until = 0;
            }
        }
    }

    pub fn keys(&self) -> usize {
        self.keys.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_refuses_past_its_budget_and_expired_keys_are_dropped() {
        let limits = RateLimiter::with_capacity(4);
        assert_eq!(limits.check("a", 2, 60, 0), Ok(()));
        assert_eq!(limits.check("a", 2, 60, 10), Ok(()));
        assert_eq!(limits.check("a", 2, 60, 20), Err(40));
        assert_eq!(limits.check("a", 2, 60, 60), Ok(()), "a new window");
        limits.check("b", 2, 60, 60).unwrap();
        // Full of live keys: a new one waits; once they expire they are dropped.
        limits.check("c", 2, 60, 60).unwrap();
        limits.check("d", 2, 60, 60).unwrap();
        assert_eq!(limits.keys(), 4);
        assert!(limits.check("e", 2, 60, 61).is_err());
        assert_eq!(limits.check("e", 2, 60, 200), Ok(()));
        assert_eq!(limits.keys(), 1, "the expired keys are gone");
    }

    #[test]
    fn failures_wait_longer_each_time_up_to_the_cap_and_refunds_undo() {
        assert_eq!(
            (0..12).map(|f| wait_after(f, 5, 300)).collect::<Vec<_>>(),
            [0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128]
        );
        assert_eq!(wait_after(13, 5, 300), 300);
        assert_eq!(wait_after(1000, 5, 300), 300);
        let delays = FailureDelays::new(2, 300);
        delays.claim("x", 0).unwrap();
        delays.claim("x", 0).unwrap();
        assert_eq!(delays.claim("x", 0), Err(2));
        delays.claim("x", 2).unwrap();
        assert_eq!(delays.claim("x", 2), Err(4));
        delays.refund("x");
        delays.refund("x");
        delays.claim("x", 2).unwrap();
        delays.refund("x");
        delays.refund("x");
        assert_eq!(delays.keys(), 0);
    }

    #[test]
    fn an_ipv6_client_is_its_network() {
        assert_eq!(
            client_key("2001:db8:1:2:3:4:5:6".parse().unwrap()),
            client_key("2001:db8:1:2:ffff::1".parse().unwrap())
        );
        assert_eq!(client_key("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1");
    }
}
