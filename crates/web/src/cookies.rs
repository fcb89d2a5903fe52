//! Reading one cookie from a request's `Cookie` headers: the language choice and the CSRF
//! cookie both need it.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

/// The value of the first cookie called `name`, trimmed.
pub(crate) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_named_cookie_is_found_among_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, HeaderValue::from_static("a=1; lang=en "));
        headers.append(COOKIE, HeaderValue::from_static("netral_csrf=abc"));
        assert_eq!(cookie(&headers, "lang"), Some("en"));
        assert_eq!(cookie(&headers, "netral_csrf"), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
