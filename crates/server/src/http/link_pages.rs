//! The pages a link in an e-mail opens in the browser (manual 3.1 step 5): `GET /register?token=…`
//! shows a small page with one button (no JavaScript; a GET never changes anything, so a mail
//! scanner that fetches links cannot use the link up), and `POST /register` confirms the address
//! and says to go back to Zairyu, where the registration continues with the same code.

use axum::extract::{Form, Query, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::{off_the_workers, AppState};
use crate::service::DAY;

/// The token of the link, from its query string or the page's form.
#[derive(Debug, Deserialize)]
pub(super) struct LinkToken {
    #[serde(default)]
    token: String,
}

/// Text put into the page: `& < > " '` escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One page in English and Japanese, with headers that keep it from being framed or cached.
fn page(status: u16, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title>\
<style>body{{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}\
button{{font-size:1.1rem;padding:.5rem 1.5rem}}code{{font-size:1.1rem}}</style></head>\
<body><h1>{title}</h1>{body}</body></html>\n"
    );
    let mut response = (
        axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::OK),
        Html(html),
    )
        .into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        ("cache-control", "no-store"),
        ("x-frame-options", "DENY"),
        (
            "content-security-policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        ),
        ("referrer-policy", "no-referrer"),
    ] {
        headers.insert(name, axum::http::HeaderValue::from_static(value));
    }
    response
}

fn link_gone() -> Response {
    page(
        400,
        "Zairyu: this link no longer works / このリンクは使えません",
        &format!(
            "<p data-code=\"link_invalid\">This link has expired (it lasts {} hours) or was already used. \
In Zairyu, start the registration again with your e-mail address.</p>\
<p lang=\"ja\">リンクの有効期限（{}時間）が切れたか、すでに使われています。Zairyuでメールアドレスの入力からやり直してください。</p>",
            DAY / 3600,
            DAY / 3600
        ),
    )
}

/// `GET /register?token=…`: a page with the button that confirms the address.
pub(super) async fn registration_link(
    State(s): State<AppState>,
    Query(q): Query<LinkToken>,
) -> Response {
    if q.token.is_empty() || off_the_workers(|| s.registration_email(&q.token)).is_err() {
        return link_gone();
    }
    page(
        200,
        "Zairyu: confirm your e-mail address / メールアドレスの確認",
        &format!(
            "<p>Press the button to confirm your e-mail address and continue the registration.</p>\
<p lang=\"ja\">ボタンを押すとメールアドレスが確認され、利用者登録を続けられます。</p>\
<form method=\"post\" action=\"register\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
<button type=\"submit\">Confirm / 確認する</button></form>",
            escaped(&q.token)
        ),
    )
}

/// `POST /register` (the page's form): confirms the address; the page says what comes next.
pub(super) async fn confirm_registration_link(
    State(s): State<AppState>,
    Form(f): Form<LinkToken>,
) -> Response {
    match off_the_workers(|| s.confirm_email(&f.token)) {
        Ok(email) => page(
            200,
            "Zairyu: e-mail address confirmed / メールアドレスを確認しました",
            &format!(
                "<p data-confirmed=\"{email}\">Your e-mail address {email} is confirmed. Go back to Zairyu and \
continue the registration: enter this code where it asks for the code from the e-mail:</p>\
<p><code>{code}</code></p>\
<p lang=\"ja\">メールアドレス {email} を確認しました。Zairyuに戻り、メールのコードを入力する欄に次のコードを入力して、登録を続けてください。</p>",
                email = escaped(&email),
                code = escaped(&f.token),
            ),
        ),
        Err(_) => link_gone(),
    }
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn page_text_cannot_open_a_tag() {
        assert_eq!(
            escaped("\"><script>alert('x')</script>&"),
            "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
    }
}
