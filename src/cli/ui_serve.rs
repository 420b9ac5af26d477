//! `zairyu ui-serve`: the built UI and the app layer over HTTP on loopback, for browser tests
//! (the accessibility check in Chromium) and demonstrations without a desktop. `POST
//! /invoke/<command>` takes the same command names and camelCase arguments as the Tauri
//! commands and answers their result, or `{code, message}` with status 400; everything else is
//! a file of the UI folder. With the demo profile the reception server is started too, as the
//! desktop app does.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use zairyu_app::{App, AppError, Profile};

#[derive(Debug, clap::Args)]
pub(crate) struct UiServeArgs {
    /// The app-data folder (drafts, settings, outbox; the bundled server's data in DIR/server).
    #[arg(long)]
    data: PathBuf,
    /// The built UI (`npm --prefix ui run build`).
    #[arg(long, default_value = "ui/dist")]
    ui: PathBuf,
    /// Where to listen; loopback only.
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
        let config = zairyu_server::ServerConfig::in_dir(args.data.join("server"));
        let addr = zairyu_server::spawn(config)?;
        app.set_bundled_server(&format!("http://{addr}"));
    }
    let app = Arc::new(app);
    let router = Router::new()
        .route("/invoke/{command}", post(invoke))
        .fallback_service(tower_http::services::ServeDir::new(&args.ui))
        .with_state(app);
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        eprintln!(
            "zairyu ui-serve: http://{listen} (UI from {}, data in {})",
            args.ui.display(),
            args.data.display()
        );
        axum::serve(listener, router)
            .await
            .map_err(|e| e.to_string())
    })
}

async fn invoke(
    State(app): State<Arc<App>>,
    Path(command): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
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

fn app_error(err: AppError) -> Value {
    failure(err.code(), err.to_string())
}

fn ok<T: serde::Serialize>(result: Result<T, AppError>) -> Result<Value, Value> {
    result
        .map(|v| serde_json::to_value(v).unwrap_or(Value::Null))
        .map_err(app_error)
}

/// One argument of a JSON body, by its camelCase name.
fn arg<T: serde::de::DeserializeOwned>(args: &Value, name: &str) -> Result<T, Value> {
    serde_json::from_value(args.get(name).cloned().unwrap_or(Value::Null))
        .map_err(|e| failure("bad_request", format!("argument {name}: {e}")))
}

fn header(headers: &HeaderMap, name: &str) -> Result<String, Value> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(zairyu_app::percent_decode)
        .ok_or_else(|| {
            failure(
                "bad_request",
                format!("the request lacks the {name} header"),
            )
        })
}

fn dispatch(app: &App, command: &str, headers: &HeaderMap, body: &[u8]) -> Result<Value, Value> {
    // Files travel as raw bytes, the rest as a JSON object of arguments.
    if command == "attach_file" {
        return ok(app.attach_to_draft(
            &header(headers, "x-draft-id")?,
            &header(headers, "x-slot")?,
            &header(headers, "x-file-name")?,
            body,
        ));
    }
    if command == "import_draft" {
        return ok(app.import_draft_bytes(body));
    }
    let a: Value = if body.is_empty() {
        json!({})
    } else {
        serde_json::from_slice(body).map_err(|e| failure("bad_request", e.to_string()))?
    };
    let reader = |a: &Value| arg::<Option<String>>(a, "reader");
    match command {
        "app_info" => ok(Ok(app.info())),
        "get_settings" => ok(app.settings()),
        "set_language" => ok(app.set_language(arg(&a, "language")?)),
        "get_checklist" => ok(app.checklist()),
        "set_checklist_item" => ok(app.set_checklist_item(arg(&a, "id")?, arg(&a, "done")?)),
        "take_notices" => ok(Ok(app.take_notices())),
        "list_procedures" => ok(Ok(
            app.procedures(&arg::<String>(&a, "search")?, arg(&a, "synonyms")?)
        )),
        "get_terms" => ok(Ok(app.terms())),
        "get_schema" => ok(app.schema(&arg::<String>(&a, "procedure")?)),
        "lookup_postal" => ok(app.postal(&arg::<String>(&a, "code")?)),
        "list_drafts" => ok(app.drafts()),
        "create_draft" => ok(app.create_draft(&arg::<String>(&a, "procedure")?)),
        "get_draft" => ok(app.draft(&arg::<String>(&a, "id")?)),
        "set_draft_field" => ok(app.set_draft_field(
            &arg::<String>(&a, "id")?,
            &arg::<String>(&a, "path")?,
            &arg::<String>(&a, "value")?,
        )),
        "detach_file" => {
            ok(app.detach_from_draft(&arg::<String>(&a, "id")?, &arg::<String>(&a, "slot")?))
        }
        "fix_draft_file" => {
            ok(app.fix_draft_file(&arg::<String>(&a, "id")?, &arg::<String>(&a, "slot")?))
        }
        "fill_draft_from_card" => ok(app.fill_draft_from_card(
            &arg::<String>(&a, "id")?,
            reader(&a)?.as_deref(),
            &arg::<String>(&a, "pin")?,
            arg(&a, "lastTry")?,
        )),
        "forgot_password" => {
            ok(app.forgot_password(&arg::<String>(&a, "userId")?, &arg::<String>(&a, "email")?))
        }
        "reset_password" => {
            ok(app.reset_password(&arg::<String>(&a, "code")?, &arg::<String>(&a, "password")?))
        }
        "change_password" => {
            ok(app.change_password(&arg::<String>(&a, "current")?, &arg::<String>(&a, "new")?))
        }
        "change_profile" => ok(app.change_profile(
            &arg::<String>(&a, "postalCode")?,
            &arg::<String>(&a, "address")?,
            &arg::<String>(&a, "telephone")?,
        )),
        "change_email" => ok(app.change_email(
            &arg::<String>(&a, "email")?,
            &arg::<String>(&a, "emailAgain")?,
        )),
        "confirm_email_change" => ok(app.confirm_email_change(&arg::<String>(&a, "code")?)),
        "favorites" => ok(app.favorites()),
        "set_favorite" => {
            ok(app.set_favorite(&arg::<String>(&a, "procedure")?, arg::<bool>(&a, "on")?))
        }
        "set_reader" => ok(app.set_reader(arg::<Option<String>>(&a, "reader")?.as_deref())),
        "attention" => ok(app.attention()),
        "reuse_draft" => ok(app.reuse_draft(&arg::<String>(&a, "id")?)),
        "draft_photo" => ok(app.draft_photo(&arg::<String>(&a, "id")?)),
        "undo_draft" => ok(app.undo_draft(&arg::<String>(&a, "id")?)),
        "export_draft" => ok(app.export_draft(&arg::<String>(&a, "id")?, None)),
        "set_draft_aside" => ok(app.set_draft_aside(&arg::<String>(&a, "id")?)),
        "card_panel" => ok(Ok(app.card_panel())),
        "insert_practice_card" => ok(app.insert_practice_card()),
        "remove_practice_card" => ok(Ok(app.remove_practice_card())),
        "card_status" => ok(app.card_status(reader(&a)?.as_deref())),
        "read_basic_four" => ok(app.read_basic_four(
            reader(&a)?.as_deref(),
            &arg::<String>(&a, "pin")?,
            arg(&a, "lastTry")?,
        )),
        "set_server" => ok(app.set_server(arg::<Option<String>>(&a, "url")?.as_deref())),
        "diagnosis" => ok(Ok(app.diagnosis())),
        "session" => ok(app.session()),
        "register" => ok(app.register(
            &arg::<String>(&a, "email")?,
            &arg::<String>(&a, "emailAgain")?,
        )),
        "confirm_email" => ok(app.confirm_email(&arg::<String>(&a, "code")?)),
        "complete_registration" => ok(app.complete_registration(&arg(&a, "registration")?)),
        "forgot_user_id" => ok(app.forgot_user_id(&arg::<String>(&a, "email")?)),
        "sign_in" => ok(app.sign_in(
            &arg::<String>(&a, "userId")?,
            &arg::<String>(&a, "password")?,
        )),
        "sign_out" => ok(app.sign_out()),
        "apply_for_usage" => ok(app.apply_for_usage(
            reader(&a)?.as_deref(),
            &arg::<String>(&a, "pin")?,
            arg(&a, "lastTry")?,
            &arg(&a, "info")?,
        )),
        "submit_draft" => ok(app.submit_draft(
            &arg::<String>(&a, "id")?,
            reader(&a)?.as_deref(),
            &arg::<String>(&a, "pin")?,
            arg(&a, "lastTry")?,
            arg(&a, "resubmitOf")?,
        )),
        "send_queued" => ok(app.send_queued()),
        "queued_submissions" => ok(Ok(app.queued_submissions())),
        "receipts" => ok(Ok(app.receipts())),
        "list_applications" => ok(app.applications()),
        "demo_mailbox" => {
            let mails = if app.profile() == Profile::Demo {
                zairyu_server::mail::outbox_messages(&app.data_dir().join("server/outbox"), 20)
            } else {
                Vec::new()
            };
            Ok(json!(mails
                .into_iter()
                .map(|(file, body)| json!({ "file": file, "body": body }))
                .collect::<Vec<_>>()))
        }
        "ui_ready" => Ok(Value::Null),
        other => Err(failure(
            "no_such_command",
            format!("there is no command {other:?}"),
        )),
    }
}
