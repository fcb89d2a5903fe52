//! Protection against another site making a visitor's browser submit our forms ("cross-site
//! request forgery"), by signed double submit: a random cookie, and in each form a token that
//! is the server's signature over that cookie. Another site can make the browser send the
//! cookie but cannot read it, so it cannot produce the matching token; and the signature means
//! a cookie planted by someone else is useless without a token only this server can make.
//! Nothing is kept on the server, so any node of a cluster can check any form.

use axum::http::{HeaderMap, HeaderValue};
use netral_store::vault::{Vault, random_token};

use crate::cookies::cookie;

const COOKIE_NAME: &str = "netral_csrf";
/// The hidden form field carrying the token.
pub(crate) const CSRF_FIELD: &str = "csrf";
const PURPOSE: &str = "csrf";
/// A week: long enough that a form left open in a tab still goes through, short enough that a
/// shared computer does not keep it for ever.
const MAX_AGE_SECS: u32 = 7 * 24 * 60 * 60;

/// What a page needs to protect its forms: the token for the hidden field, and the cookie to
/// set when the visitor had none yet.
pub(crate) struct CsrfToken {
    pub token: String,
    pub set_cookie: Option<HeaderValue>,
}

pub(crate) fn issue_csrf(vault: &Vault, headers: &HeaderMap) -> CsrfToken {
    match cookie_value(headers) {
        Some(value) => CsrfToken {
            token: vault.sign(PURPOSE, &value),
            set_cookie: None,
        },
        None => {
            let value = random_token(24);
            // HttpOnly: no script needs it. SameSite=Strict: browsers do not even send it with
            // a request another site starts, a second wall behind the token.
            let cookie = format!(
                "{COOKIE_NAME}={value}; Path=/; Max-Age={MAX_AGE_SECS}; HttpOnly; SameSite=Strict"
            );
            CsrfToken {
                token: vault.sign(PURPOSE, &value),
                set_cookie: Some(HeaderValue::from_str(&cookie).expect("the cookie is ASCII")),
            }
        }
    }
}

/// Whether `token` is this server's signature over the visitor's cookie.
pub(crate) fn verify_csrf(vault: &Vault, headers: &HeaderMap, token: &str) -> bool {
    let Some(cookie) = cookie_value(headers) else {
        return false;
    };
    vault
        .verify(PURPOSE, token)
        .is_some_and(|signed| signed == cookie)
}

/// The cookie, if it looks like one this server made (base64url, 16 to 64 characters); any
/// other value is treated as absent and replaced.
fn cookie_value(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE_NAME)
        .filter(|value| {
            (16..=64).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    fn vault() -> Vault {
        Vault::from_hex(&"ab".repeat(32)).unwrap()
    }

    fn with_cookie(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_str(&format!("lang=id; {COOKIE_NAME}={value}")).unwrap(),
        );
        headers
    }

    #[test]
    fn a_new_visitor_gets_a_cookie_and_a_matching_token() {
        let vault = vault();
        let issued = issue_csrf(&vault, &HeaderMap::new());
        let cookie = issued.set_cookie.unwrap();
        let cookie = cookie.to_str().unwrap();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        let value = cookie
            .strip_prefix("netral_csrf=")
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        assert!(verify_csrf(&vault, &with_cookie(value), &issued.token));
    }

    #[test]
    fn tokens_only_match_their_own_cookie() {
        let vault = vault();
        let mine = "AAAAAAAAAAAAAAAAAAAAAAAA";
        let theirs = "BBBBBBBBBBBBBBBBBBBBBBBB";
        let issued = issue_csrf(&vault, &with_cookie(mine));
        assert!(issued.set_cookie.is_none(), "an existing cookie is kept");
        assert!(verify_csrf(&vault, &with_cookie(mine), &issued.token));
        assert!(!verify_csrf(&vault, &with_cookie(theirs), &issued.token));
        assert!(!verify_csrf(&vault, &HeaderMap::new(), &issued.token));
        // A token signed by another server (another key) is no token here.
        let other = Vault::from_hex(&"cd".repeat(32)).unwrap();
        let forged = other.sign(PURPOSE, mine);
        assert!(!verify_csrf(&vault, &with_cookie(mine), &forged));
        assert!(!verify_csrf(&vault, &with_cookie(mine), ""));
    }
}
