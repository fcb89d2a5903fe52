//! The session cookie and the extractors behind every back-office page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::{Capability, role_may};
use netral_store::accounts::StaffUser;
use netral_store::accounts::sessions::{self, Session};

use crate::app::Ctx;
use crate::cookies::cookie;
use crate::error::WebError;

/// The cookie holding the session token. HttpOnly (no script reads it) and SameSite=Lax: sent
/// when a link from an e-mail is followed, never with another site's form posts, which the
/// CSRF token refuses anyway.
pub(crate) const SESSION_COOKIE: &str = "netral_sesi";

pub(crate) fn session_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"
    ))
    .expect("session tokens are base64url")
}

pub(crate) fn clear_session_cookie() -> HeaderValue {
    HeaderValue::from_static("netral_sesi=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}

/// A request from a live session, whatever it still owes.
pub(crate) struct SignedIn {
    pub session: Session,
    pub token: String,
}

/// A staff member who has given everything sign-in asks for.
pub(crate) struct Staff {
    pub user: StaffUser,
}

impl Staff {
    /// Refuses (403) unless the role may do this at all; scope checks come on top.
    pub fn require(&self, capability: Capability) -> Result<(), WebError> {
        if role_may(self.user.role, capability) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    /// The signed-in person as the audit log names them.
    pub fn audit_actor(&self) -> netral_store::audit::Actor<'_> {
        netral_store::audit::Actor {
            name: &self.user.username,
            role: self.user.role.as_str(),
        }
    }
}

/// Where a session must go before it may use the back office, if anywhere.
pub(crate) fn pending_step(session: &Session) -> Option<&'static str> {
    if !session.second_factor_done {
        return Some(if session.user.has_second_factor {
            "/masuk/kode"
        } else {
            "/kantor/akun/dua-faktor"
        });
    }
    session
        .user
        .must_change_password
        .then_some("/kantor/akun/sandi")
}

/// `target` if it is a path on this site; a sign-in form must not become a way to send
/// someone to another site after they signed in.
pub(crate) fn local_target(target: &str) -> Option<&str> {
    let local = target.starts_with('/')
        && !target.starts_with("//")
        && !target.contains('\\')
        && !target.chars().any(char::is_control);
    local.then_some(target)
}

/// Not signed in: to the sign-in page, which brings the user back here afterwards.
fn to_sign_in(parts: &Parts) -> Response {
    let back = parts.uri.path_and_query().map_or("/kantor", |p| p.as_str());
    let mut response = Redirect::to(&format!("/masuk?lanjut={}", encode(back))).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Percent-encodes `text` for a query value (`/` kept, as a way back is a path).
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl FromRequestParts<Ctx> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE).map(str::to_owned) else {
            return Err(to_sign_in(parts));
        };
        match sessions::find(&ctx.app.db, &token, Utc::now()).await {
            Ok(Some(session)) => Ok(SignedIn { session, token }),
            Ok(None) => Err(to_sign_in(parts)),
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

impl FromRequestParts<Ctx> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let signed = SignedIn::from_request_parts(parts, ctx).await?;
        match pending_step(&signed.session) {
            Some(step) => Err(Redirect::to(step).into_response()),
            None => Ok(Staff {
                user: signed.session.user,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_followed_after_sign_in() {
        assert_eq!(
            local_target("/kantor/pegawai?q=a"),
            Some("/kantor/pegawai?q=a")
        );
        for foreign in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "kantor",
            "/a\nb",
        ] {
            assert_eq!(local_target(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn the_way_back_is_encoded() {
        assert_eq!(
            encode("/kantor/pegawai?q=a b&x=1"),
            "/kantor/pegawai%3Fq%3Da%20b%26x%3D1"
        );
    }
}
