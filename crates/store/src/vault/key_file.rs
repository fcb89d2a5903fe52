//! The master key's file: 64 hex characters (what `create_key_file` writes, easy to back up on
//! paper) or 32 raw bytes (what `head -c 32 /dev/urandom` gives), readable by its owner only.

use std::io::{Read as _, Write as _};
use std::path::Path;

use zeroize::Zeroizing;

use super::{Vault, VaultError, fill_random};

impl Vault {
    /// Loads the key from `path`, refusing a file other users could read.
    pub fn from_key_file(path: &Path) -> Result<Vault, VaultError> {
        let read_err = |source| VaultError::KeyFileRead {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(read_err)?;
        // Checked on the open handle, so the file checked is the file read.
        check_permissions(path, &file.metadata().map_err(read_err)?)?;
        let mut content = Zeroizing::new(Vec::with_capacity(66));
        // One byte past any valid size is enough to tell the file is wrong.
        file.take(130).read_to_end(&mut content).map_err(read_err)?;
        // Decoded straight into the vault, whose drop wipes the key if the format is wrong.
        let mut vault = Vault { key: [0; 32] };
        if content.len() == 32 {
            vault.key.copy_from_slice(&content);
            return Ok(vault);
        }
        let text = content.trim_ascii_end();
        if text.len() == 64 && hex::decode_to_slice(text, &mut vault.key).is_ok() {
            return Ok(vault);
        }
        Err(VaultError::KeyFileFormat {
            path: path.to_owned(),
        })
    }

    /// Writes a new random key to `path` (mode 0600) and returns it. Never overwrites: replacing
    /// the key would make every sealed identity unreadable.
    pub fn create_key_file(path: &Path) -> Result<Vault, VaultError> {
        let write_err = |source| VaultError::KeyFileWrite {
            path: path.to_owned(),
            source,
        };
        let mut vault = Vault { key: [0; 32] };
        fill_random(&mut vault.key);
        let mut text = Zeroizing::new(hex::encode(vault.key));
        text.push('\n');

        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(write_err)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                VaultError::KeyFileExists {
                    path: path.to_owned(),
                }
            } else {
                write_err(e)
            }
        })?;
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .and_then(|()| sync_parent(path));
        if let Err(e) = written {
            // A half-written key file would fail every later start; better none at all.
            let _ = std::fs::remove_file(path);
            return Err(write_err(e));
        }
        Ok(vault)
    }

    /// Loads the key at `path`, or creates it on first start; `true` when it was created (the
    /// caller should tell the operator to back it up).
    pub fn load_or_create(path: &Path) -> Result<(Vault, bool), VaultError> {
        match std::fs::symlink_metadata(path) {
            Ok(_) => Ok((Vault::from_key_file(path)?, false)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match Vault::create_key_file(path) {
                    Ok(vault) => Ok((vault, true)),
                    // Another process created it between our look and our write: use theirs.
                    Err(VaultError::KeyFileExists { .. }) => {
                        Ok((Vault::from_key_file(path)?, false))
                    }
                    Err(e) => Err(e),
                }
            }
            Err(source) => Err(VaultError::KeyFileRead {
                path: path.to_owned(),
                source,
            }),
        }
    }
}

#[cfg(unix)]
fn check_permissions(path: &Path, meta: &std::fs::Metadata) -> Result<(), VaultError> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = meta.permissions().mode() & 0o777;
    // Write access for others matters as much as read access: whoever can replace the key can
    // make new identities readable to themselves.
    if mode & 0o077 != 0 {
        return Err(VaultError::KeyFilePermissions {
            path: path.to_owned(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_: &Path, _: &std::fs::Metadata) -> Result<(), VaultError> {
    Ok(())
}

/// The new directory entry must survive a power cut, or the key (and every identity sealed
/// with it) could be lost after the first report.
fn sync_parent(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
