//! Reading a JSON body so that a value of the wrong kind is refused with 400 and its field
//! named (`internal`, `outcome.result`), as every staff endpoint does. axum's own extractor
//! answers such a body with 422 and the path only inside its message.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::ApiError;

/// The body as `T`: 400 (`invalid_json`) when it is not JSON, 415 when it is not sent as
/// JSON, 400 (`invalid_field`, naming the field) when a value cannot be read as `T`.
pub(crate) fn read<T: DeserializeOwned>(
    body: Result<Json<Value>, JsonRejection>,
) -> Result<T, ApiError> {
    let Json(value) = body.map_err(|e| ApiError::json_rejected(&e))?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        // The root has the path "."; a missing field is named by serde in the message.
        let field = (path != ".").then_some(path);
        ApiError::unreadable(field.as_deref(), e.into_inner().to_string())
    })
}
