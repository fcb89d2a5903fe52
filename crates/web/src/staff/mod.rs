//! The back office's side of signing in: the session cookie, and the extractors every staff
//! page starts with. [`Staff`] admits only a user who has given all that sign-in asks (password,
//! second factor, a password of their own); [`SignedIn`] also admits one still on the way, for
//! the pages that finish signing in.

mod session;

pub(crate) use session::{
    SESSION_COOKIE, SignedIn, Staff, clear_session_cookie, encode, local_target, pending_step,
    session_cookie,
};
