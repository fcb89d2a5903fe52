//! The facts of every case, in memory. Each read first asks the database for the newest
//! change (one indexed lookup) and reads only the facts changed since, so the figures are as
//! fresh as the cases without rescanning them; the first read after start loads them all.

use netral_domain::rules::RuleBook;
use netral_domain::stats::FactTable;
use netral_store::Db;
use netral_store::StoreError;
use netral_store::case_facts;
use tokio::sync::{RwLock, RwLockReadGuard};

/// Facts read per round trip while catching up.
const BATCH: i64 = 50_000;

#[derive(Default)]
pub(crate) struct FactCache {
    state: RwLock<Cached>,
}

#[derive(Default)]
struct Cached {
    table: FactTable,
    /// The last change applied to `table`.
    last: i64,
}

/// The facts as of the moment it was taken; readers hold it only while they count.
pub(crate) struct Facts<'a>(RwLockReadGuard<'a, Cached>);

impl std::ops::Deref for Facts<'_> {
    type Target = FactTable;

    fn deref(&self) -> &FactTable {
        &self.0.table
    }
}

impl FactCache {
    /// The facts, brought up to date with the database.
    pub(crate) async fn current(&self, db: &Db, rules: &RuleBook) -> Result<Facts<'_>, StoreError> {
        let newest = case_facts::latest_change(db).await?;
        {
            let cached = self.state.read().await;
            if cached.last >= newest {
                return Ok(Facts(cached));
            }
        }
        let mut cached = self.state.write().await;
        // Another reader may have caught up while this one waited for the lock.
        while cached.last < newest {
            let changes = case_facts::changed_since(db, rules, cached.last, BATCH).await?;
            if changes.facts.is_empty() {
                break;
            }
            for fact in &changes.facts {
                cached.table.upsert(fact);
            }
            cached.last = changes.last;
        }
        Ok(Facts(cached.downgrade()))
    }
}
