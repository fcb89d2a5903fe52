//! Where mail goes out and when reminders are sent, set by the operator (`netral serve --help`).

/// Mail settings. Without SMTP, notices are still queued (nothing is lost) but not sent.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub smtp: Option<SmtpSettings>,
    /// Days before a deadline that the staff acting on a case are reminded.
    pub reminder_days: u32,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp: None,
            reminder_days: 2,
        }
    }
}

/// An SMTP server to hand messages to. Plain SMTP unless built with the `starttls` feature and
/// asked for it: the usual set-up is a relay (Postfix, an office gateway) on the same host or
/// network, which does the rest of the journey.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// The sender, e.g. `Netral <netral@bkn.go.id>`.
    pub from: String,
    /// User name and password, when the server asks for them.
    pub credentials: Option<(String, String)>,
    /// Upgrade the connection with STARTTLS (only with the `starttls` feature).
    pub starttls: bool,
}

// By hand, so that the password never reaches a log line.
impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("from", &self.from)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .field("starttls", &self.starttls)
            .finish()
    }
}
