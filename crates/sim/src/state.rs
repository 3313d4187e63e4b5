//! Shared server state: fixtures, simulated clock, fault rules, request log, KS action counters.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::faults::{FaultRule, FaultSet};
use crate::fixtures::Fixtures;
use crate::log::{LogEntry, LOG_CAPACITY};

/// Most KS strings whose actions are counted at once; past it the counts start over (memory
/// stays bounded however many limited KSs a client mints).
pub const MAX_COUNTED_KS: usize = 10_000;
/// Bound for the clock offset (±10 years), so arithmetic never overflows.
pub const MAX_CLOCK_OFFSET_SECS: i64 = 10 * 366 * 86400;

pub struct State {
    pub fixtures: Fixtures,
    run_faults: Vec<FaultRule>,
    clock_offset: AtomicI64,
    faults: Mutex<FaultSet>,
    log: Mutex<VecDeque<LogEntry>>,
    log_seq: AtomicU64,
    /// Uses per KS string, for `actionslimit:<n>`.
    actions_used: Mutex<HashMap<String, u64>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panicking request thread must not take the whole simulator down.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    pub fn new(fixtures: Fixtures, run_faults: Vec<FaultRule>) -> State {
        State {
            fixtures,
            faults: Mutex::new(FaultSet::new(run_faults.clone())),
            run_faults,
            clock_offset: AtomicI64::new(0),
            log: Mutex::new(VecDeque::new()),
            log_seq: AtomicU64::new(0),
            actions_used: Mutex::new(HashMap::new()),
        }
    }

    /// Simulated unix seconds: real time plus the `/__sim/clock` offset.
    pub fn now(&self) -> i64 {
        real_unix_secs() + self.clock_offset.load(Ordering::Relaxed)
    }

    pub fn clock_offset(&self) -> i64 {
        self.clock_offset.load(Ordering::Relaxed)
    }

    pub fn set_clock_offset(&self, secs: i64) {
        self.clock_offset.store(
            secs.clamp(-MAX_CLOCK_OFFSET_SECS, MAX_CLOCK_OFFSET_SECS),
            Ordering::Relaxed,
        );
    }

    pub fn with_faults<R>(&self, f: impl FnOnce(&mut FaultSet) -> R) -> R {
        f(&mut lock(&self.faults))
    }

    pub fn record(&self, mut entry: LogEntry) {
        entry.seq = self.log_seq.fetch_add(1, Ordering::Relaxed) + 1;
        let mut log = lock(&self.log);
        if log.len() >= LOG_CAPACITY {
            log.pop_front();
        }
        log.push_back(entry);
    }

    pub fn log(&self) -> Vec<LogEntry> {
        lock(&self.log).iter().cloned().collect()
    }

    pub fn clear_log(&self) {
        lock(&self.log).clear();
    }

    /// Counts one use of `ks`; false once it has been used `limit` times already.
    pub fn use_action(&self, ks: &str, limit: u64) -> bool {
        let mut used = lock(&self.actions_used);
        if used.len() >= MAX_COUNTED_KS && !used.contains_key(ks) {
            used.clear();
        }
        let count = used.entry(ks.to_string()).or_insert(0);
        if *count >= limit {
            return false;
        }
        *count += 1;
        true
    }

    /// Back to the start state: run-level faults only, empty log, real clock, fresh counters.
    pub fn reset(&self) {
        *lock(&self.faults) = FaultSet::new(self.run_faults.clone());
        self.clear_log();
        self.set_clock_offset(0);
        lock(&self.actions_used).clear();
    }
}

pub fn real_unix_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub fn real_unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}
