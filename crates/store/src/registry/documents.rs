//! Documents named in a list (a signed pact, a leave or resignation decree): a file path,
//! relative to the list's folder, whose file is stored as evidence and referenced by SHA-256.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::db::{Tx, sql};
use crate::error::StoreError;
use crate::evidence::{EvidenceStore, StoredEvidence};

/// Larger than any scanned decree; a file this big in a list is a mistake.
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

/// Stores the documents a list names, once each.
pub(crate) struct Documents {
    base: PathBuf,
    store: Option<EvidenceStore>,
    runtime: tokio::runtime::Handle,
    stored: HashMap<PathBuf, StoredEvidence>,
}

impl Documents {
    /// `list` is the list's path; documents are looked for beside it. Must be called inside
    /// the async runtime.
    pub fn new(list: &Path, store: Option<EvidenceStore>) -> Documents {
        Documents {
            base: list.parent().map(Path::to_path_buf).unwrap_or_default(),
            store,
            runtime: tokio::runtime::Handle::current(),
            stored: HashMap::new(),
        }
    }

    /// Reads and stores the document `written` names. Runs on the reading thread, which may
    /// wait for the evidence store; the message is for the row's report line.
    pub fn store(&mut self, written: &str) -> Result<StoredEvidence, String> {
        let path = self.base.join(written);
        if let Some(stored) = self.stored.get(&path) {
            return Ok(stored.clone());
        }
        let Some(store) = &self.store else {
            return Err("documents cannot be stored: no evidence folder was given".into());
        };
        let size = std::fs::metadata(&path)
            .map_err(|e| format!("cannot read document {}: {e}", path.display()))?
            .len();
        if size > MAX_DOCUMENT_BYTES {
            return Err(format!(
                "document {} is {size} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
                path.display()
            ));
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("cannot read document {}: {e}", path.display()))?;
        let stored = self
            .runtime
            .block_on(store.put(&bytes))
            .map_err(|e| format!("document {}: {e}", path.display()))?;
        self.stored.insert(path, stored.clone());
        Ok(stored)
    }
}

/// The evidence row for a stored document (once per SHA-256), so that records can refer to it.
pub(crate) async fn record_evidence(
    tx: &mut Tx,
    document: &StoredEvidence,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sql("INSERT INTO evidence (sha256, size, media_type, first_stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING")
        .bind(document.sha256.clone())
        .bind(document.size as i64)
        .bind(document.media_type.mime())
        .bind(now)
        .execute(tx)
        .await?;
    Ok(())
}
