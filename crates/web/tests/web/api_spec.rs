//! The OpenAPI description against the router: every `/api/v1` route the router has is
//! described with exactly its methods, and the other way round; every staff endpoint names the
//! bearer-token scheme; the copy committed at docs/api/openapi.json is the one served; and the
//! browsable docs come from this server.

use std::collections::BTreeSet;
use std::path::Path;

use netral_testkit::fixtures::NIP;
use serde_json::Value;

use super::app::TestApp;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// The committed description, for readers of the repository and for reviewing API changes.
const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/api/openapi.json");

async fn served(app: &TestApp) -> Value {
    let page = app.get("/api/openapi.json").await;
    assert_eq!(page.status, 200);
    serde_json::from_str(&page.body).unwrap()
}

/// `(method, path)` of every described `/api/v1` operation.
fn described(spec: &Value) -> BTreeSet<(String, String)> {
    spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| path.starts_with("/api/v1"))
        .flat_map(|(path, item)| {
            METHODS
                .iter()
                .filter(|m| item.get(**m).is_some())
                .map(|m| ((*m).to_owned(), path.clone()))
        })
        .collect()
}

/// The `/api/v1` paths the router holds, read from its `Debug` form (axum keeps no public
/// list). Should that form change, the count check below fails loudly rather than passing.
fn routed(app: &TestApp) -> BTreeSet<String> {
    let router = format!("{:?}", netral_web::router(app.state.clone()));
    router
        .split('"')
        .filter(|part| part.starts_with("/api/v1"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_description_and_the_router_hold_the_same_routes_and_methods() {
    let app = TestApp::start().await;
    let spec = served(&app).await;
    let described = described(&spec);
    let routed = routed(&app);
    assert!(
        routed.len() >= 10,
        "found only {routed:?} in the router: did axum's Debug form change?"
    );
    let described_paths: BTreeSet<String> = described.iter().map(|(_, p)| p.clone()).collect();
    assert_eq!(
        routed, described_paths,
        "routes in the router and paths in the OpenAPI description differ"
    );
    // The methods, asked of the server itself: a described one is answered (401 without a
    // token, 400 for an empty report…), any other one is 405.
    let mut wrong = Vec::new();
    for path in &routed {
        let concrete = path
            .replace("{number}", "NTR-2024-000001")
            .replace("{nip}", NIP);
        for method in METHODS {
            let status = app
                .http()
                .request(
                    method.to_uppercase().parse().unwrap(),
                    format!("{}{concrete}", app.base),
                )
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            let is_described = described.contains(&(method.to_owned(), path.clone()));
            if is_described == (status == 405) {
                wrong.push(format!(
                    "{method} {path}: {status}, described: {is_described}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn every_staff_endpoint_names_the_bearer_token_scheme() {
    let app = TestApp::start().await;
    let spec = served(&app).await;
    assert_eq!(
        spec["components"]["securitySchemes"]["bearer_token"],
        serde_json::json!({
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (`ntr_…`) made on /kantor/akun/token"
        })
    );
    for (method, path) in described(&spec) {
        let security = &spec["paths"][&path][&method]["security"];
        if path == "/api/v1/reports" {
            assert!(security.is_null(), "the intake is open to other systems");
        } else if path == "/api/v1/public/statistics" {
            assert!(security.is_null(), "the public figures need no token");
        } else {
            assert_eq!(
                security,
                &serde_json::json!([{"bearer_token": []}]),
                "{method} {path}"
            );
        }
    }
    // The decision body is described action by action, from the page's table of facts.
    let decision = &spec["components"]["schemas"]["DecisionRequest"]["oneOf"];
    assert_eq!(decision.as_array().unwrap().len(), 18);
    assert_eq!(
        decision[2]["properties"]["reason"]["enum"],
        serde_json::json!(["not_an_asn", "no_evidence", "out_of_scope", "duplicate"])
    );
}

#[tokio::test]
async fn the_committed_description_is_the_one_served() {
    let app = TestApp::start().await;
    let mut current = serde_json::to_string_pretty(&served(&app).await).unwrap();
    current.push('\n');
    if std::env::var_os("NETRAL_WRITE_OPENAPI").is_some() {
        std::fs::create_dir_all(Path::new(COMMITTED).parent().unwrap()).unwrap();
        std::fs::write(COMMITTED, &current).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == current,
        "docs/api/openapi.json is not the description the server gives. Write it anew with \
         `NETRAL_WRITE_OPENAPI=1 cargo test -p netral-web --test web api_spec`, look at the \
         difference, and commit it."
    );
}

#[tokio::test]
async fn the_browsable_docs_come_from_this_server() {
    let app = TestApp::start().await;
    let bare = app.get("/api/docs").await;
    assert_eq!(bare.status, 303);
    assert_eq!(bare.header("location"), Some("/api/docs/"));
    let page = app.get("/api/docs/").await;
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    page.assert_contains("swagger-ui-bundle.js");
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'"),
        "the site's policy applies here too"
    );
    for asset in ["swagger-ui-bundle.js", "swagger-ui.css"] {
        let file = app.get(&format!("/api/docs/{asset}")).await;
        assert_eq!(file.status, 200, "{asset}");
        assert!(file.body.len() > 10_000, "{asset} is the real file");
    }
    let setup = app.get("/api/docs/swagger-initializer.js").await;
    setup.assert_contains("/api/openapi.json");
    setup.assert_contains("\"validatorUrl\": \"none\"");
}
