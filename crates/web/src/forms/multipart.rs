//! Reading a `multipart/form-data` body (the encoding that carries files) into text fields and
//! files. The body limit is set on the route; going over it ends here as a 413 page.

use axum::extract::Multipart;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::http::StatusCode;

use crate::error::WebError;
use crate::intake::UploadedFile;

/// A submitted form: text fields in the order sent (checkbox groups repeat a name), and the
/// files of its file input.
#[derive(Default)]
pub(crate) struct FormData {
    fields: Vec<(String, String)>,
    pub files: Vec<UploadedFile>,
}

impl FormData {
    /// The first value sent under `name`, or "" when none was.
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value sent under `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the whole body. Files are taken from the input named `file_field` only; a file input
/// left empty is sent by browsers as a part with no name and no bytes, which is no file.
pub(crate) async fn read_multipart(
    multipart: Result<Multipart, MultipartRejection>,
    file_field: &str,
) -> Result<FormData, WebError> {
    let mut multipart = multipart.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let mut form = FormData::default();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or("").to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(unreadable)?;
                if name == file_field && !(file_name.is_empty() && bytes.is_empty()) {
                    form.files.push(UploadedFile {
                        name: file_name,
                        bytes,
                    });
                }
            }
            None => {
                // Browsers send line breaks in text areas as CRLF; the rest of the system
                // (and the text shown back) uses plain LF.
                let value = field.text().await.map_err(unreadable)?;
                form.fields.push((name, value.replace("\r\n", "\n")));
            }
        }
    }
    Ok(form)
}

fn unreadable(error: MultipartError) -> WebError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::TooLarge
    } else {
        WebError::BadRequest(error.body_text())
    }
}
