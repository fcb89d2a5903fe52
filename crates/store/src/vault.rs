//! Secrets: reporters' identities sealed at rest, receipt codes, and signed form tokens, all from
//! one 32-byte master key kept in a file outside the database. A stolen database (or backup)
//! without the key file reveals no reporter: protecting whistle-blowers is the point of the
//! system, and a reporter exposed to their superior is the harm it must never cause.
//!
//! Each purpose gets its own sub-key (HKDF-SHA256 with a purpose label), so a value produced for
//! one purpose can never be replayed as another: a form token is not a receipt, and neither can
//! open a sealed identity.

mod key_file;
mod receipt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use chacha20poly1305::aead::{Aead as _, Payload};
use chacha20poly1305::{KeyInit as _, XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac as _};
use sha2::Sha256;
use zeroize::{Zeroize as _, Zeroizing};

pub use receipt::{ReceiptCode, ReceiptCodeError, receipt_matches};

/// Sub-key labels. The `v1` lets a future scheme coexist with data sealed under this one.
const SEAL_INFO: &str = "netral/seal/v1";
const RECEIPT_INFO: &str = "netral/receipt/v1";
const TOKEN_INFO: &str = "netral/token/v1";

/// First byte of every sealed blob: the format, so it can change without guessing.
const SEAL_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

type HmacSha256 = Hmac<Sha256>;

/// What went wrong with the vault or its key file.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("cannot read the vault key file {path}: {source}")]
    KeyFileRead {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the vault key file {path}: {source}")]
    KeyFileWrite {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the vault key file {path} exists already; refusing to overwrite it (a new key would make every sealed reporter identity unreadable)"
    )]
    KeyFileExists { path: std::path::PathBuf },
    #[error(
        "the vault key file {path} is accessible to other users (mode {mode:o}); run `chmod 600 {path}` so only its owner can read it"
    )]
    KeyFilePermissions { path: std::path::PathBuf, mode: u32 },
    #[error(
        "the vault key file {path} must hold 64 hexadecimal characters (optionally followed by a newline) or 32 raw bytes"
    )]
    KeyFileFormat { path: std::path::PathBuf },
    #[error("the vault key must be 64 hexadecimal characters (32 bytes)")]
    InvalidKey,
    #[error("sealed data cannot be opened: wrong key, wrong context, or damaged data")]
    CannotOpen,
}

/// The master key and everything derived from it.
pub struct Vault {
    key: [u8; 32],
}

impl Drop for Vault {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

/// Never prints the key, so a `{:?}` in a log line cannot leak it.
impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(..)")
    }
}

impl Vault {
    /// A key given as 64 hex characters, e.g. from an environment variable.
    pub fn from_hex(hex_key: &str) -> Result<Vault, VaultError> {
        let hex_key = hex_key.trim();
        let mut vault = Vault { key: [0; 32] };
        if hex_key.len() != 64 || hex::decode_to_slice(hex_key, &mut vault.key).is_err() {
            return Err(VaultError::InvalidKey);
        }
        Ok(vault)
    }

    fn subkey(&self, info: &str) -> Zeroizing<[u8; 32]> {
        let mut okm = Zeroizing::new([0u8; 32]);
        Hkdf::<Sha256>::new(None, &self.key)
            .expand(info.as_bytes(), okm.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        okm
    }

    fn mac(&self, info: &str) -> HmacSha256 {
        <HmacSha256 as hmac::KeyInit>::new_from_slice(self.subkey(info).as_ref())
            .expect("HMAC takes keys of any length")
    }

    /// Encrypts `plaintext` so only this key can read it, bound to `context` (e.g. the report
    /// number): a sealed identity copied onto another report will not open there.
    /// Layout: version (1 byte) ‖ random nonce (24 bytes) ‖ ciphertext with tag.
    pub fn seal(&self, plaintext: &[u8], context: &str) -> Vec<u8> {
        // A random 24-byte nonce never repeats in practice, so no counter must be kept in sync
        // between nodes.
        let nonce: [u8; NONCE_LEN] = random_array();
        let sealed = self
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: &associated_data(context),
                },
            )
            .expect("encrypting a buffer in memory cannot fail");
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(SEAL_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts what [`Vault::seal`] produced with the same key and context.
    pub fn open(&self, sealed: &[u8], context: &str) -> Result<Vec<u8>, VaultError> {
        if sealed.len() < 1 + NONCE_LEN + TAG_LEN || sealed[0] != SEAL_VERSION {
            return Err(VaultError::CannotOpen);
        }
        let (nonce, body) = sealed[1..].split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().expect("split at the nonce length");
        self.cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: body,
                    aad: &associated_data(context),
                },
            )
            .map_err(|_| VaultError::CannotOpen)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new_from_slice(self.subkey(SEAL_INFO).as_ref())
            .expect("the sub-key is 32 bytes, the XChaCha20-Poly1305 key size")
    }

    /// The receipt code for a submission. Deterministic on purpose: a retried submission (same
    /// idempotency key) shows the reporter the same receipt again, although only the code's hash
    /// was stored. Without the vault key, the idempotency key does not reveal the code.
    pub fn receipt_code(&self, idempotency_key: &str) -> ReceiptCode {
        let mut mac = self.mac(RECEIPT_INFO);
        mac.update(idempotency_key.as_bytes());
        ReceiptCode::from_digest(&mac.finalize().into_bytes())
    }

    /// `payload.signature`, proving the payload came from this server for `purpose` (a CSRF
    /// token, the time a form was issued). The payload is readable; sign nothing secret.
    /// `purpose` is a constant from the code and holds no NUL byte, so `purpose ‖ 0 ‖ payload`
    /// is unambiguous.
    pub fn sign(&self, purpose: &str, payload: &str) -> String {
        debug_assert!(!purpose.contains('\0'), "a signing purpose holds no NUL");
        let tag = self.token_mac(purpose, payload).finalize().into_bytes();
        format!("{payload}.{}", BASE64URL.encode(tag))
    }

    /// The payload of a token [`Vault::sign`] made for `purpose`, or `None` when it was altered,
    /// made for another purpose, or made with another key. Expiry is the caller's to check.
    pub fn verify(&self, purpose: &str, token: &str) -> Option<String> {
        // The signature is base64url, which has no '.', so the last '.' separates it even when
        // the payload holds dots.
        let (payload, tag) = token.rsplit_once('.')?;
        let tag = BASE64URL.decode(tag).ok()?;
        // `verify_slice` compares in constant time: timing reveals nothing about the right tag.
        self.token_mac(purpose, payload)
            .verify_slice(&tag)
            .ok()
            .map(|()| payload.to_owned())
    }

    fn token_mac(&self, purpose: &str, payload: &str) -> HmacSha256 {
        let mut mac = self.mac(TOKEN_INFO);
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(payload.as_bytes());
        mac
    }
}

/// `bytes` random bytes from the operating system, base64url without padding: idempotency keys,
/// CSRF cookies. 16 bytes or more for anything an attacker must not guess.
pub fn random_token(bytes: usize) -> String {
    let mut buf = Zeroizing::new(vec![0u8; bytes]);
    fill_random(&mut buf);
    BASE64URL.encode(&*buf)
}

/// The version byte goes into the associated data too, so a blob cannot be relabelled as
/// another format version.
fn associated_data(context: &str) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + context.len());
    aad.push(SEAL_VERSION);
    aad.extend_from_slice(context.as_bytes());
    aad
}

pub(crate) fn random_array<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    fill_random(&mut out);
    out
}

/// The OS generator does not fail on supported systems once booted; if it ever did, carrying
/// on with predictable nonces or tokens would be worse than stopping.
fn fill_random(buf: &mut [u8]) {
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

#[cfg(test)]
mod tests;
