//! `zairyu ui-serve`: the built UI and the app layer over HTTP on loopback, for browser tests
//! (the accessibility check in Chromium) and demonstrations without a desktop. `POST
//! /invoke/<command>` takes the same command names and camelCase arguments as the Tauri
//! commands and answers their result, or `{code, message}` with status 400; everything else is
//! a file of the UI folder. With the demo profile the reception server is started too, as the
//! desktop app does. The dispatch is expanded from the one command table
//! (`zairyu_app::command_table!`): each command decodes a typed argument struct with serde (PINs
//! and passwords as `SecretText`, wiped after the call) and calls the same function as the
//! Tauri command.
//!
//! Only the page it served may drive it ([`request_guard`]): it prints its address with a
//! random per-run token (`http://127.0.0.1:PORT/?token=…`, on stdout, one line), the page sends
//! the token back in `X-Zairyu-Token`, and `Host`, `Origin` and `Content-Type` are checked, so
//! another web page open in the browser cannot point sign-ins elsewhere, spend PIN tries or
//! read drafts (DNS rebinding included).

mod request_guard;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use zairyu_app::command_table::{calls, header_name};
use zairyu_app::{App, AppError, Profile};

use request_guard::{Refusal, RequestGuard};

#[derive(Debug, clap::Args)]
pub(crate) struct UiServeArgs {
    /// The app-data folder (drafts, settings, outbox; the bundled server's data in DIR/server).
    #[arg(long)]
    data: PathBuf,
    /// The built UI (`npm --prefix ui run build`).
    #[arg(long, default_value = "ui/dist")]
    ui: PathBuf,
    /// Where to listen; loopback only (port 0: a free port, printed).
    #[arg(long, default_value = "127.0.0.1:1420")]
    listen: String,
    #[arg(long, default_value = "demo")]
    profile: String,
}

pub(crate) fn run(args: UiServeArgs) -> ExitCode {
    match serve(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            super::print_error(false, "ui_serve_failed", &message);
            ExitCode::from(1)
        }
    }
}

fn serve(args: UiServeArgs) -> Result<(), String> {
    let profile = Profile::parse(&args.profile).map_err(|e| e.to_string())?;
    let listen: SocketAddr = args
        .listen
        .parse()
        .map_err(|_| format!("{}: write IP:PORT", args.listen))?;
    if !listen.ip().is_loopback() {
        return Err("ui-serve listens on loopback only (127.0.0.1 or ::1)".into());
    }
    if !args.ui.join("index.html").exists() {
        return Err(format!(
            "{} has no index.html: build the UI first (npm --prefix ui run build)",
            args.ui.display()
        ));
    }
    let app = App::open(&args.data, profile).map_err(|e| e.to_string())?;
    if profile == Profile::Demo {
        let config = zairyu_server::ServerConfig::demo_in_dir(args.data.join("server"));
        let addr = zairyu_server::spawn(config)?;
        app.set_bundled_server(&format!("http://{addr}"));
    }
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let guard = Arc::new(RequestGuard::new(bound.port())?);
        let served = Served {
            app: Arc::new(app),
            guard: guard.clone(),
        };
        let router = Router::new()
            .route("/invoke/{command}", post(invoke))
            .fallback_service(tower_http::services::ServeDir::new(&args.ui))
            .layer(axum::middleware::from_fn_with_state(
                guard.clone(),
                only_this_computer,
            ))
            .with_state(served);
        // The address with the token, alone on stdout (scripts and tests read it).
        let mut out = std::io::stdout();
        let _ = writeln!(out, "http://{bound}/?token={}", guard.token());
        let _ = out.flush();
        eprintln!(
            "zairyu ui-serve: open the address above (UI from {}, data in {}); \
             only a page opened with its token can send commands",
            args.ui.display(),
            args.data.display()
        );
        axum::serve(listener, router)
            .await
            .map_err(|e| e.to_string())
    })
}

/// What every request handler sees: the app layer and this run's guard.
#[derive(Clone)]
struct Served {
    app: Arc<App>,
    guard: Arc<RequestGuard>,
}

fn refused(refusal: Refusal) -> Response {
    (refusal.status, Json(failure(refusal.code, refusal.message))).into_response()
}

/// Every request (files too) must name this computer in `Host`: no DNS rebinding.
async fn only_this_computer(
    State(guard): State<Arc<RequestGuard>>,
    request: Request,
    next: Next,
) -> Response {
    match guard.check_host(request.headers()) {
        Ok(()) => next.run(request).await,
        Err(refusal) => refused(refusal),
    }
}

async fn invoke(
    State(served): State<Served>,
    Path(command): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body_type = if body_kind(&command) == Some("bytes") {
        "application/octet-stream"
    } else {
        "application/json"
    };
    if let Err(refusal) = served.guard.check_command(&headers, body_type) {
        return refused(refusal);
    }
    let app = served.app;
    let answer = tokio::task::spawn_blocking(move || dispatch(&app, &command, &headers, &body))
        .await
        .unwrap_or_else(|e| Err(failure("internal", e.to_string())));
    match answer {
        Ok(value) => Json(value).into_response(),
        Err(err) => (StatusCode::BAD_REQUEST, Json(err)).into_response(),
    }
}

fn failure(code: &str, message: impl Into<String>) -> Value {
    json!({ "code": code, "message": message.into() })
}

fn answer<T: serde::Serialize>(result: Result<T, AppError>) -> Result<Value, Value> {
    result
        .map(|v| serde_json::to_value(v).unwrap_or(Value::Null))
        .map_err(|err| failure(err.code(), err.to_string()))
}

/// The JSON body of a command (none is `{}`) as its argument struct.
fn json_args<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Value> {
    let body = if body.is_empty() {
        b"{}".as_slice()
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| failure("bad_request", format!("arguments: {e}")))
}

/// One argument of a `bytes` command, from its (percent-encoded) header.
fn header(headers: &HeaderMap, arg: &str) -> Result<String, Value> {
    let name = header_name(arg);
    headers
        .get(name.as_str())
        .and_then(|v| v.to_str().ok())
        .and_then(zairyu_app::percent_decode)
        .ok_or_else(|| {
            failure(
                "bad_request",
                format!("the request lacks the {name} header"),
            )
        })
}

/// `dispatch`: one arm per command of the table.
macro_rules! serve_commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* ) -> $result:ty = $method:ident [$kind:ident $thread:ident $answer:ident];
    )*) => {
        /// How a command's arguments travel (`json`, `bytes`, `shell`), if it is one.
        fn body_kind(command: &str) -> Option<&'static str> {
            match command {
                $( stringify!($name) => Some(stringify!($kind)), )*
                _ => None,
            }
        }

        fn dispatch(app: &App, command: &str, headers: &HeaderMap, body: &[u8]) -> Result<Value, Value> {
            match command {
                $( stringify!($name) => serve_command!($kind $name ($($arg: $ty),*), app, headers, body), )*
                other => Err(failure(
                    "no_such_command",
                    format!("there is no command {other:?}"),
                )),
            }
        }
    };
}

macro_rules! serve_command {
    (json $name:ident ($($arg:ident : $ty:ty),*), $app:ident, $headers:ident, $body:ident) => {{
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Args {
            $($arg: $ty,)*
        }
        #[allow(unused_variables)]
        let args: Args = json_args($body)?;
        answer(calls::$name($app, $(args.$arg),*))
    }};
    (bytes $name:ident ($($arg:ident : $ty:ty),*), $app:ident, $headers:ident, $body:ident) => {{
        $( let $arg: $ty = header($headers, stringify!($arg))?; )*
        answer(calls::$name($app, $($arg,)* $body))
    }};
    (shell $name:ident ($($arg:ident : $ty:ty),*), $app:ident, $headers:ident, $body:ident) => {{
        answer(Ok::<_, AppError>(shell::$name($app)))
    }};
}

zairyu_app::command_table!(serve_commands);

/// The `shell` commands of the table, as `ui-serve` answers them.
mod shell {
    use zairyu_app::{App, DemoMail, Profile};

    /// The bundled server's e-mails, newest first (at most 20; demo profile only).
    pub(super) fn demo_mailbox(app: &App) -> Vec<DemoMail> {
        if app.profile() != Profile::Demo {
            return Vec::new();
        }
        zairyu_server::mail::outbox_messages(&app.data_dir().join("server/outbox"), 20)
            .into_iter()
            .map(|(file, body)| DemoMail { file, body })
            .collect()
    }

    /// Start-up timing is the desktop app's; nothing to do here.
    pub(super) fn ui_ready(_: &App) {}

    /// The browser's storage is the UI's to clear (it does so itself at the end of a visit).
    pub(super) fn clear_web_storage(_: &App) {}

    /// The server keeps running; the browser UI reloads its page itself.
    pub(super) fn restart_app(_: &App) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use zairyu_app::{MemoryVault, PRACTICE_READER};

    fn app(dir: &std::path::Path) -> App {
        App::open(dir, Profile::Demo)
            .unwrap()
            .with_vault(Box::new(MemoryVault::default()))
    }

    fn call(app: &App, command: &str, body: Value) -> Result<Value, Value> {
        dispatch(app, command, &HeaderMap::new(), body.to_string().as_bytes())
    }

    #[test]
    fn a_pin_argument_is_decoded_and_reaches_the_card() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path());
        call(&app, "insert_practice_card", json!({})).unwrap();
        let args = |pin: &str| json!({ "reader": PRACTICE_READER, "pin": pin, "lastTry": false });
        let four = call(&app, "read_basic_four", args("1234")).unwrap();
        assert_eq!(four["name"], "NGUYEN THI LAN");
        let err = call(&app, "read_basic_four", args("12")).unwrap_err();
        assert_eq!(err["code"], "pin_format");
        // A PIN is a string on the wire, as before.
        let err = call(
            &app,
            "read_basic_four",
            json!({ "reader": null, "pin": 1234, "lastTry": false }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "bad_request");
    }

    #[test]
    fn an_unknown_command_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path());
        let err = dispatch(&app, "format_disk", &HeaderMap::new(), b"").unwrap_err();
        assert_eq!(err["code"], "no_such_command");
        // Commands without arguments take an empty body; camelCase names are read.
        assert_eq!(
            dispatch(&app, "ui_ready", &HeaderMap::new(), b"").unwrap(),
            Value::Null
        );
        let settings = call(&app, "set_language", json!({ "language": "ja" })).unwrap();
        assert_eq!(settings["language"], "ja");
    }
}
