//! Netral's HTTP edge: server-rendered public pages in Indonesian (default) and English, the
//! health check, embedded assets and the security headers every response carries. The binary
//! wires it up; this crate only offers [`router`] and [`serve`].

mod api;
mod app;
mod assets;
mod client;
mod cookies;
mod error;
mod export;
mod forms;
mod funnel;
mod i18n;
mod imports;
mod intake;
mod labels;
pub mod letters;
pub mod mail;
mod page;
mod qr;
mod routes;
mod security;
mod settings;
mod staff;
mod statistics;
mod templates;
mod violation_choices;
pub mod worker;

pub use app::{AppState, router, serve};
pub use error::WebError;
pub use imports::ImportSettings;
pub use mail::{MailSettings, SmtpSettings};
pub use settings::{IntakeSettings, ScreeningSettings, StatisticsSettings};
