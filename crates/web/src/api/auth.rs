//! Who calls the staff endpoints of the API: the owner of the personal token in the
//! `Authorization: Bearer …` header (made on `/kantor/akun/token`), with the owner's role and
//! scope as they are now. The session cookie of the back office opens nothing here, not even a
//! read: the API takes no CSRF token, so a browser that sends its cookie along by itself (a
//! form on another site, the docs page's "try it out") must not be able to act with it.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use chrono::Utc;
use netral_store::accounts::api_tokens;

use super::error::ApiError;
use crate::app::Ctx;
use crate::staff::Staff;

/// The name of the security scheme in the OpenAPI description.
pub(crate) const SCHEME: &str = "bearer_token";

/// A staff member acting through one of their tokens. Handlers use [`Staff`] from here on,
/// so the role and scope checks are the back office's own.
pub(crate) struct ApiStaff(pub Staff);

/// The token in an `Authorization` header, if it carries one (the scheme name is
/// case-insensitive, as HTTP has it).
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

impl FromRequestParts<Ctx> for ApiStaff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer)
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "send a personal API token as `Authorization: Bearer <token>`; \
                     make one at /kantor/akun/token",
                )
            })?;
        match api_tokens::authenticate(&ctx.app.db, token, Utc::now()).await? {
            Some(user) => Ok(ApiStaff(Staff { user })),
            None => Err(ApiError::unauthorized(
                "the token is unknown, expired or revoked, or its account is disabled",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::bearer;

    #[test]
    fn only_a_bearer_header_carries_a_token() {
        assert_eq!(bearer("Bearer ntr_abc"), Some("ntr_abc"));
        assert_eq!(bearer("bearer  ntr_abc "), Some("ntr_abc"));
        assert_eq!(bearer("Basic dXNlcjpwYXNz"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("ntr_abc"), None);
    }
}
