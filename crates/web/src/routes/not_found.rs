//! Anything the router does not know.

use crate::error::WebError;

pub(crate) async fn show() -> WebError {
    WebError::NotFound
}

pub(crate) async fn method_not_allowed() -> WebError {
    WebError::MethodNotAllowed
}
