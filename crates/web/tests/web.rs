//! netral-web's integration tests, in one binary: every file directly in `tests/` links a binary
//! of its own, and the machines building them have two cores. The modules live in `tests/web/`
//! (an inline `mod web` makes the compiler look for them there).

mod web {
    mod access_control;
    mod api;
    mod api_desk;
    mod api_docs_in_browser;
    mod api_spec;
    mod api_staff;
    mod api_tokens;
    mod api_tokens_in_browser;
    mod app;
    mod browser;
    mod case_history;
    mod cross_check;
    mod cross_check_in_browser;
    mod demo;
    mod guide;
    mod health;
    mod home;
    mod in_browser;
    mod language;
    mod leads;
    mod leads_in_browser;
    mod letters;
    mod mail;
    mod office;
    mod office_case_work;
    mod office_case_work_in_browser;
    mod office_cases;
    mod office_cases_in_browser;
    mod office_in_browser;
    mod office_system;
    mod portal;
    mod portal_in_browser;
    mod prevention;
    mod prevention_in_browser;
    mod report_form;
    mod report_submit;
    mod rules_pages;
    mod screening_api;
    mod security;
    mod statistics;
    mod statistics_in_browser;
    mod status_pages;
}
