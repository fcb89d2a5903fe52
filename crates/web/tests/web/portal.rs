//! Filling in the portal's forms over plain HTTP as a browser would: the hidden fields (CSRF
//! token, idempotency key, issue time) and the CSRF cookie come from the page showing the form.

use std::time::Duration;

use netral_web::IntakeSettings;
use reqwest::multipart;

use super::app::{Page, TestApp};

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny png for tests";
pub const PDF: &[u8] = b"%PDF-1.4\n% tiny pdf for tests\n%%EOF\n";
/// The start of a Windows program: what a disguised `foto.jpg` really is.
pub const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff a windows program";

/// Limits for tests that are not about the minimum fill time: a test posts the form
/// immediately after fetching it, faster than any person.
pub fn quick() -> IntakeSettings {
    IntakeSettings {
        min_fill_time: Duration::ZERO,
        ..IntakeSettings::default()
    }
}

/// A form as fetched: its hidden fields and the cookie the browser would send back.
#[derive(Debug, Clone)]
pub struct Form {
    pub cookie: String,
    pub hidden: Vec<(String, String)>,
}

impl Form {
    /// GETs `path` (a fresh visitor: no cookie) and reads the form posting to `action`.
    pub async fn open(app: &TestApp, path: &str, action: &str) -> (Page, Form) {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "GET {path}:\n{}", page.body);
        let cookie = csrf_cookie(&page).expect("a new visitor gets the CSRF cookie");
        let form = Form::in_page(&page, action, &cookie);
        (page, form)
    }

    /// The form posting to `action` in a page, for a visitor holding `cookie`.
    pub fn in_page(page: &Page, action: &str, cookie: &str) -> Form {
        Form {
            cookie: cookie.to_owned(),
            hidden: hidden_fields(&page.body, action),
        }
    }

    pub fn hidden(&self, name: &str) -> &str {
        self.hidden
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no hidden field `{name}` in {:?}", self.hidden))
    }

    pub fn with_hidden(mut self, name: &str, value: &str) -> Form {
        for field in &mut self.hidden {
            if field.0 == name {
                field.1 = value.to_owned();
            }
        }
        self
    }

    /// Posts as `multipart/form-data`: the hidden fields, `fields`, and files named `evidence`.
    pub async fn post_multipart(
        &self,
        app: &TestApp,
        action: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Page {
        let mut body = multipart::Form::new();
        for (name, value) in &self.hidden {
            body = body.text(name.clone(), value.clone());
        }
        for (name, value) in fields {
            body = body.text((*name).to_owned(), (*value).to_owned());
        }
        for (name, bytes) in files {
            let part = multipart::Part::bytes(bytes.to_vec())
                .file_name((*name).to_owned())
                .mime_str("application/octet-stream")
                .unwrap();
            body = body.part("evidence", part);
        }
        let response = app
            .http()
            .post(format!("{}{action}", app.base))
            .header("cookie", &self.cookie)
            .multipart(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {action}: {e}"));
        Page::read(response).await
    }

    /// Posts as `application/x-www-form-urlencoded`.
    pub async fn post_urlencoded(
        &self,
        app: &TestApp,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let mut all: Vec<(String, String)> = self.hidden.clone();
        all.extend(
            fields
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        );
        let response = app
            .http()
            .post(format!("{}{action}", app.base))
            .header("cookie", &self.cookie)
            .form(&all)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {action}: {e}"));
        Page::read(response).await
    }
}

/// `netral_csrf=…` from a response's Set-Cookie, as a browser would send it back.
pub fn csrf_cookie(page: &Page) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("netral_csrf="))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

/// The hidden inputs of the form whose `action` is `action`.
pub fn hidden_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form posting to {action} in:\n{html}"));
    let end = start + html[start..].find("</form>").unwrap();
    html[start..end]
        .split("<input type=\"hidden\" ")
        .skip(1)
        .map(|input| {
            let name = attribute(input, "name");
            let value = attribute(input, "value");
            (name, value)
        })
        .collect()
}

fn attribute(tag: &str, name: &str) -> String {
    let marker = format!("{name}=\"");
    let start = tag.find(&marker).unwrap() + marker.len();
    let end = start + tag[start..].find('"').unwrap();
    unescape(&tag[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A report that passes every check; tests change one field to see it refused.
pub fn good_report() -> Vec<(&'static str, &'static str)> {
    vec![
        ("violations", "MEDSOS_INTERAKSI"),
        ("violations", "FOTO_KEBERPIHAKAN"),
        (
            "summary",
            "Kepala bidang membagikan stiker pasangan calon di grup WhatsApp dinas.",
        ),
        ("subject_number", "19850312 201001 1 003"),
        ("incident_date", "2024-09-28"),
        ("place", "Kantor Dinas Pendidikan, Karawang"),
        (
            "links",
            "https://facebook.com/post/1\nhttps://instagram.com/p/2",
        ),
        ("election", "pilkada"),
        ("reporter_mode", "anonymous"),
        ("situs_web", ""),
    ]
}

/// `good_report` with `name` set to `value` (every value of `name` replaced by one).
pub fn changed(name: &'static str, value: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut fields: Vec<_> = good_report()
        .into_iter()
        .filter(|(n, _)| *n != name)
        .collect();
    fields.push((name, value));
    fields
}

/// Opens the report form and sends it.
pub async fn send_report(app: &TestApp, fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> Page {
    let (_, form) = Form::open(app, "/lapor", "/lapor").await;
    form.post_multipart(app, "/lapor", fields, files).await
}

/// The text of the element with `id`, tags stripped.
pub fn text_of(page: &Page, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no #{id} in:\n{}", page.body));
    let open_end = at + page.body[at..].find('>').unwrap() + 1;
    let close = open_end + page.body[open_end..].find("</").unwrap();
    unescape(page.body[open_end..close].trim())
}

/// A filed report: its number and receipt code as the receipt page shows them.
pub struct Filed {
    pub number: String,
    pub code: String,
}

pub fn receipt(page: &Page) -> Filed {
    assert_eq!(page.status, 200, "{}", page.body);
    Filed {
        number: text_of(page, "report-number"),
        code: text_of(page, "receipt-code"),
    }
}

/// Looks a report up on `/status` as a fresh visitor.
pub async fn look_up(app: &TestApp, number: &str, code: &str) -> (Page, Form) {
    let (_, form) = Form::open(app, "/status", "/status").await;
    let page = form
        .post_urlencoded(
            app,
            "/status",
            &[("report_number", number), ("receipt_code", code)],
        )
        .await;
    let cookie = form.cookie.clone();
    let reply = if page.body.contains("action=\"/status/balas\"") {
        Form::in_page(&page, "/status/balas", &cookie)
    } else {
        form
    };
    (page, reply)
}
