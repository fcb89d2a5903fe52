//! Mail settings from the command line and the environment.

use anyhow::Context;
use netral_web::{MailSettings, SmtpSettings};

use crate::args::MailArgs;

pub fn settings(args: &MailArgs) -> anyhow::Result<MailSettings> {
    let smtp = match &args.smtp_host {
        Some(host) => {
            let credentials = match (&args.smtp_user, &args.smtp_password_file) {
                (Some(user), Some(file)) => {
                    let password = std::fs::read_to_string(file).with_context(|| {
                        format!("cannot read the SMTP password file {}", file.display())
                    })?;
                    // Editors and `echo` end the file with a newline that is not the password's.
                    Some((
                        user.clone(),
                        password.trim_end_matches(['\r', '\n']).to_owned(),
                    ))
                }
                _ => None,
            };
            Some(SmtpSettings {
                host: host.clone(),
                port: args.smtp_port,
                from: args.smtp_from.clone(),
                credentials,
                starttls: args.smtp_starttls,
            })
        }
        None => None,
    };
    Ok(MailSettings {
        smtp,
        reminder_days: args.reminder_days,
    })
}
