//! Evidence files (photos, screenshots, PDFs, videos attached to reports), stored once under
//! their SHA-256 and never changed afterwards: the hash recorded in a case's event log proves,
//! years later, that the file shown is the file received.
//!
//! Files live at `root/ab/cd/<64 hex>`; two folder levels keep any one directory small. A file is
//! written to a temporary name, synced, and renamed into place, so a crash never leaves a half
//! file under a real name. The type is decided by the content (magic bytes), never by the name the
//! uploader chose, so an executable renamed `.jpg` is refused.

mod media;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest as _, Sha256};

pub use media::{MediaKind, MediaType};

/// What went wrong with an evidence file, in words a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error(
        "the file is not a supported evidence type (JPEG, PNG, GIF, WebP, HEIC/HEIF, PDF, MP4/MOV, WebM/MKV, 3GP); its content was checked, not its name"
    )]
    UnsupportedType,
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, more than the limit of {max} bytes")]
    TooLarge { size: u64, max: u64 },
    #[error("not an evidence identifier: expected 64 lowercase hexadecimal characters (a SHA-256)")]
    InvalidHash,
    #[error("evidence {sha256} is not in the evidence store")]
    NotFound { sha256: String },
    #[error(
        "evidence file {path} no longer matches its SHA-256 (changed or damaged on disk); restore it from a backup"
    )]
    Corrupt { path: PathBuf },
    #[error("evidence storage at {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Refuses a file over `max` bytes. Callers check the declared length before reading a body, so
/// an oversized upload is refused without being buffered.
pub fn check_size(size: u64, max: u64) -> Result<(), EvidenceError> {
    if size > max {
        Err(EvidenceError::TooLarge { size, max })
    } else {
        Ok(())
    }
}

/// The outcome of [`EvidenceStore::put`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvidence {
    /// Lowercase hex SHA-256 of the content: the file's name and its identity.
    pub sha256: String,
    pub size: u64,
    pub media_type: MediaType,
    /// False when the same bytes were stored before (a retried upload, or two reporters sending
    /// the same screenshot): nothing was written.
    pub newly_stored: bool,
}

/// A folder of content-addressed evidence files.
#[derive(Debug, Clone)]
pub struct EvidenceStore {
    root: PathBuf,
}

impl EvidenceStore {
    /// Opens the store at `root`, creating the folder when missing.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, EvidenceError> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(io_at(&root))?;
        Ok(EvidenceStore { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file type judged by content; `None` for anything not accepted as evidence.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        MediaType::sniff(bytes)
    }

    /// Where the file with this hash lives (whether or not it exists). The hash is validated
    /// first, so a hostile string such as `../etc/passwd` never reaches the filesystem.
    pub fn path_of(&self, sha256: &str) -> Result<PathBuf, EvidenceError> {
        if !is_sha256_hex(sha256) {
            return Err(EvidenceError::InvalidHash);
        }
        Ok(self
            .root
            .join(&sha256[0..2])
            .join(&sha256[2..4])
            .join(sha256))
    }

    /// Stores `bytes` unless they are stored already. Size limits are the caller's (see
    /// [`check_size`]); type and emptiness are checked here because they hold for every caller.
    pub async fn put(&self, bytes: &[u8]) -> Result<StoredEvidence, EvidenceError> {
        if bytes.is_empty() {
            return Err(EvidenceError::Empty);
        }
        let media_type = MediaType::sniff(bytes).ok_or(EvidenceError::UnsupportedType)?;
        // The blocking task needs owned data; one copy is cheaper than hashing and writing
        // megabytes on an async worker thread.
        let bytes = bytes.to_vec();
        let store = self.clone();
        blocking(&self.root, move || store.put_blocking(&bytes, media_type)).await
    }

    /// Reads the file with this hash and checks that it still hashes to its name.
    pub async fn get(&self, sha256: &str) -> Result<Vec<u8>, EvidenceError> {
        let path = self.path_of(sha256)?;
        let sha256 = sha256.to_owned();
        blocking(&self.root, move || {
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(EvidenceError::NotFound { sha256 });
                }
                Err(e) => return Err(io_at(&path)(e)),
            };
            if sha256_hex(&bytes) != sha256 {
                return Err(EvidenceError::Corrupt { path });
            }
            Ok(bytes)
        })
        .await
    }

    fn put_blocking(
        &self,
        bytes: &[u8],
        media_type: MediaType,
    ) -> Result<StoredEvidence, EvidenceError> {
        let sha256 = sha256_hex(bytes);
        let path = self.path_of(&sha256)?;
        let size = bytes.len() as u64;
        let stored = |newly_stored| StoredEvidence {
            sha256: sha256.clone(),
            size,
            media_type,
            newly_stored,
        };
        match std::fs::symlink_metadata(&path) {
            // Same name means same bytes; a size mismatch can only be damage on disk, which the
            // fresh copy repairs (the rename below replaces it atomically).
            Ok(meta) if meta.len() == size => return Ok(stored(false)),
            Ok(meta) => tracing::warn!(
                path = %path.display(),
                on_disk = meta.len(),
                expected = size,
                "evidence file damaged on disk; replacing it with the received copy"
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_at(&path)(e)),
        }
        let dir = path.parent().expect("evidence path has a parent");
        let created_dirs = !dir.exists();
        std::fs::create_dir_all(dir).map_err(io_at(dir))?;
        if created_dirs {
            // New folders must be durable too, or the synced file could vanish with its folder.
            let middle = dir.parent().expect("evidence folder has a parent");
            sync_dir(middle)?;
            sync_dir(&self.root)?;
        }
        let tmp = dir.join(temp_name(&sha256));
        let written = write_read_only(&tmp, bytes).and_then(|()| {
            std::fs::rename(&tmp, &path).map_err(io_at(&path))?;
            sync_dir(dir)
        });
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map(|()| stored(true))
    }
}

/// Writes a new file, marks it read-only and syncs it, before it gets its real name.
fn write_read_only(tmp: &Path, bytes: &[u8]) -> Result<(), EvidenceError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(io_at(tmp))?;
    file.write_all(bytes).map_err(io_at(tmp))?;
    // Read-only so a slip by an operator or a bug cannot edit evidence in place. Permissions
    // apply to new opens only, so the open handle can still sync.
    let mut perms = file.metadata().map_err(io_at(tmp))?.permissions();
    #[cfg(unix)]
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o444);
    #[cfg(not(unix))]
    perms.set_readonly(true);
    file.set_permissions(perms).map_err(io_at(tmp))?;
    file.sync_all().map_err(io_at(tmp))
}

/// Makes a rename or a new entry in `dir` survive a power cut.
fn sync_dir(dir: &Path) -> Result<(), EvidenceError> {
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_at(dir))?;
    // Elsewhere directories cannot be opened for syncing; the rename is as durable as the OS makes it.
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A name no concurrent writer (thread or process) uses, hidden from listings by the dot.
fn temp_name(sha256: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".{sha256}.{}.{n}.tmp", std::process::id())
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn io_at(path: &Path) -> impl Fn(std::io::Error) -> EvidenceError + '_ {
    move |source| EvidenceError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Runs file work off the async runtime; a panic inside stays a panic.
async fn blocking<T: Send + 'static>(
    root: &Path,
    work: impl FnOnce() -> Result<T, EvidenceError> + Send + 'static,
) -> Result<T, EvidenceError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(e) => match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => Err(EvidenceError::Io {
                path: root.to_owned(),
                source: std::io::Error::other("evidence I/O was cancelled (runtime shutting down)"),
            }),
        },
    }
}

#[cfg(test)]
mod tests;
