//! The pages in a real browser at phone width: Indonesian first, the language switch, no
//! sideways scrolling, the skip link first in keyboard order.

use fantoccini::Locator;
use fantoccini::key::Key;

use super::app::TestApp;
use super::browser::{eval, press, snapshot, with_browser};
use super::demo;

#[tokio::test]
async fn pages_work_at_360_px_with_keyboard_and_both_languages() {
    let app = TestApp::start().await;
    demo::seed(&app).await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        let width = eval(&client, "window.innerWidth").await;
        assert!(
            width.as_u64().is_some_and(|w| w <= 400),
            "the window should be phone-sized, innerWidth is {width}"
        );

        client.goto(&format!("{base}/")).await.unwrap();
        assert_eq!(eval(&client, "document.documentElement.lang").await, "id");
        let heading = client
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(heading, "Menjaga netralitas ASN dalam Pemilu dan Pilkada");
        assert_eq!(
            eval(&client, "typeof window.htmx").await,
            "object",
            "htmx loads under the CSP"
        );
        snapshot(&client, "home-id").await;

        // The first Tab lands on the skip link, which then shows; Enter moves focus to the content.
        press(&client, Key::Tab).await;
        assert_eq!(
            eval(&client, "document.activeElement.className").await,
            "skip-link"
        );
        assert!(
            eval(
                &client,
                "document.activeElement.getBoundingClientRect().top >= 0"
            )
            .await
            .as_bool()
            .unwrap(),
            "a focused skip link is visible"
        );
        snapshot(&client, "home-id-skip-link").await;
        press(&client, Key::Enter).await;
        assert_eq!(eval(&client, "document.activeElement.id").await, "main");

        client
            .find(Locator::Css("a.lang-switch"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(eval(&client, "document.documentElement.lang").await, "en");
        let heading = client
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            heading,
            "Keeping civil servants neutral in Pemilu and Pilkada"
        );
        assert_eq!(
            client.current_url().await.unwrap().path(),
            "/",
            "the switch stays on the page"
        );

        // The cookie set by the switch carries English to the next page.
        for path in ["/aturan", "/aturan/libur/2024", "/", "/aturan/nope"] {
            client.goto(&format!("{base}{path}")).await.unwrap();
            assert_eq!(
                eval(&client, "document.documentElement.lang").await,
                "en",
                "{path}"
            );
            let overflow = eval(
                &client,
                "document.documentElement.scrollWidth - window.innerWidth",
            )
            .await;
            assert!(
                overflow.as_i64().unwrap() <= 0,
                "{path} scrolls sideways at 360 px by {overflow} px"
            );
            snapshot(&client, &format!("en{}", path.replace('/', "_"))).await;
        }
        client
            .goto(&format!("{base}/aturan?lang=id"))
            .await
            .unwrap();
        let overflow = eval(
            &client,
            "document.documentElement.scrollWidth - window.innerWidth",
        )
        .await;
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "/aturan in Indonesian scrolls sideways by {overflow} px"
        );
        snapshot(&client, "aturan-id").await;
    })
    .await;
}
