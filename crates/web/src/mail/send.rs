//! One message handed to the SMTP server with lettre.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::SmtpSettings;

/// Longer than any healthy server needs, short enough that a hung one does not hold the worker.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why an attempt failed; `permanent` when trying again cannot help.
#[derive(Debug)]
pub(super) struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl SendError {
    fn permanent(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            permanent: true,
        }
    }
}

/// Sends one plain-text message, with a PDF attached when `attachment` (file name, bytes) is
/// given; gives the server's answer (e.g. `250 OK queued`).
pub(super) async fn send(
    smtp: &SmtpSettings,
    to: &str,
    subject: &str,
    body: &str,
    attachment: Option<(&str, &[u8])>,
) -> Result<String, SendError> {
    let from = smtp
        .from
        .parse()
        .map_err(|e| SendError::permanent(format!("sender `{}`: {e}", smtp.from)))?;
    let to = to
        .parse()
        .map_err(|e| SendError::permanent(format!("recipient `{to}`: {e}")))?;
    let builder = Message::builder().from(from).to(to).subject(subject);
    let message = match attachment {
        None => builder
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned()),
        Some((name, bytes)) => {
            let pdf = ContentType::parse("application/pdf").expect("a valid media type");
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(body.to_owned()))
                    .singlepart(Attachment::new(name.to_owned()).body(bytes.to_vec(), pdf)),
            )
        }
    }
    .map_err(SendError::permanent)?;
    let transport = transport(smtp)?;
    match transport.send(message).await {
        Ok(response) => Ok(format!(
            "{} {}",
            response.code(),
            response.message().collect::<Vec<_>>().join(" ")
        )),
        Err(e) => Err(SendError {
            permanent: e.is_permanent(),
            message: e.to_string(),
        }),
    }
}

fn transport(smtp: &SmtpSettings) -> Result<AsyncSmtpTransport<Tokio1Executor>, SendError> {
    let mut builder = if smtp.starttls {
        starttls(&smtp.host)?
    } else {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
    };
    builder = builder.port(smtp.port).timeout(Some(TIMEOUT));
    if let Some((user, password)) = &smtp.credentials {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}

#[cfg(feature = "starttls")]
fn starttls(host: &str) -> Result<lettre::transport::smtp::AsyncSmtpTransportBuilder, SendError> {
    AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(SendError::permanent)
}

#[cfg(not(feature = "starttls"))]
fn starttls(_host: &str) -> Result<lettre::transport::smtp::AsyncSmtpTransportBuilder, SendError> {
    Err(SendError::permanent(
        "STARTTLS was asked for, but this build of Netral has no TLS (build with the `starttls` feature)",
    ))
}
