//! `GET /static/{*path}`: the embedded stylesheet and scripts.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::assets;
use crate::error::WebError;

pub(crate) async fn serve(Path(path): Path<String>) -> Result<Response, WebError> {
    let asset = assets::find(&path).ok_or(WebError::NotFound)?;
    // Pages link assets under a content fingerprint (`?v=`), so a year-long cache is safe.
    Ok((
        [
            (CONTENT_TYPE, asset.content_type),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        asset.bytes,
    )
        .into_response())
}
