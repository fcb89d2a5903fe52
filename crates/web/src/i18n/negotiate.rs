//! Choosing the language of one response: `?lang=` (remembered in a cookie), else the `lang`
//! cookie, else the browser's Accept-Language, else Indonesian.

use axum::extract::Request;
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, SET_COOKIE, VARY};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::Lang;
use crate::cookies::cookie;

/// A year: long enough that a visitor who chose English is not asked again each visit.
const COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

/// Settles the language, hands it to the handlers as a request extension, and remembers an
/// explicit choice in the `lang` cookie.
pub(crate) async fn negotiate_language(mut request: Request, next: Next) -> Response {
    let chosen = request.uri().query().and_then(from_query);
    let lang = chosen
        .or_else(|| from_cookies(request.headers()))
        .or_else(|| from_accept_language(request.headers()))
        .unwrap_or_default();
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Some(lang) = chosen {
        // HttpOnly: no script needs it. Lax: a link from elsewhere still shows the chosen language.
        let cookie = format!(
            "lang={}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly",
            lang.tag()
        );
        headers.append(
            SET_COOKIE,
            HeaderValue::from_str(&cookie).expect("cookie is ASCII"),
        );
    }
    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        // Caches must not hand an English page to a visitor whose cookie or browser says Indonesian.
        headers.append(VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
    response
}

fn from_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, value)| Lang::from_tag(value))
}

fn from_cookies(headers: &HeaderMap) -> Option<Lang> {
    cookie(headers, "lang").and_then(Lang::from_tag)
}

/// The supported language the browser prefers most. Regional variants count for their language
/// (`en-GB` is English); quality 0 means "not this one"; ties keep the browser's order.
fn from_accept_language(headers: &HeaderMap) -> Option<Lang> {
    let header = headers.get(ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(Lang, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let range = parts.next().unwrap_or("").trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = range.split('-').next().unwrap_or("");
        let Some(lang) = Lang::from_tag(primary) else {
            continue;
        };
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use axum::http::header::COOKIE;

    use super::*;

    fn headers(name: axum::http::HeaderName, value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(name, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn the_query_names_a_supported_language_or_nothing() {
        assert_eq!(from_query("lang=en"), Some(Lang::En));
        assert_eq!(from_query("x=1&lang=id"), Some(Lang::Id));
        assert_eq!(from_query("lang=fr"), None);
        assert_eq!(from_query("language=en"), None);
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        assert_eq!(
            from_cookies(&headers(COOKIE, "session=abc; lang=en")),
            Some(Lang::En)
        );
        assert_eq!(from_cookies(&headers(COOKIE, "lang=xx")), None);
        assert_eq!(from_cookies(&HeaderMap::new()), None);
    }

    #[test]
    fn accept_language_takes_the_best_supported_range() {
        let pick = |v: &str| from_accept_language(&headers(ACCEPT_LANGUAGE, v));
        assert_eq!(pick("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(pick("fr-FR, en;q=0.5, id;q=0.8"), Some(Lang::Id));
        assert_eq!(pick("id;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(pick("fr, de"), None);
        assert_eq!(pick("*"), None);
        assert_eq!(
            pick("en, id"),
            Some(Lang::En),
            "ties keep the browser's order"
        );
    }
}
