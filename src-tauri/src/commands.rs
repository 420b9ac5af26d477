//! The Tauri commands, expanded from the one command table (`zairyu_app::command_table!`):
//! each calls its function in `zairyu_app::command_table::calls` and turns the error into
//! [`CommandError`]. [`handler`] is the handler list `main` registers.

use serde::Serialize;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;
use ts_rs::TS;
use zairyu_app::command_table::{calls, header_name};
use zairyu_app::{App, AppError};

/// The one error shape the UI sees: a stable code it translates, and an English message.
#[derive(Debug, Clone, Serialize, TS)]
pub(crate) struct CommandError {
    pub(crate) code: String,
    pub(crate) message: String,
}

impl From<AppError> for CommandError {
    fn from(err: AppError) -> Self {
        CommandError {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

type Reply<T> = Result<T, CommandError>;

/// The whole table as Tauri commands plus the handler list.
macro_rules! tauri_commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* ) -> $result:ty = $method:ident [$kind:ident $thread:ident $answer:ident];
    )*) => {
        $( tauri_command! { $kind $thread $name ($($arg: $ty),*) -> $result } )*

        /// Every command of the table, for `Builder::invoke_handler`.
        pub(crate) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

/// One command. `blocking` ones are `async` for Tauri: they run off the window's thread, so
/// the window stays responsive (and shows progress) while the card or the server answers.
/// `bytes` ones take the raw request body (no JSON for 25 MB) with their other arguments as
/// percent-encoded headers. `shell` ones are answered by [`shell`].
macro_rules! tauri_command {
    (json quick $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty) => {
        #[tauri::command]
        fn $name(app: State<'_, App>, $($arg: $ty),*) -> Reply<$result> {
            run(stringify!($name), || calls::$name(&app, $($arg),*))
        }
    };
    (json blocking $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty) => {
        #[tauri::command(async)]
        fn $name(app: State<'_, App>, $($arg: $ty),*) -> Reply<$result> {
            run(stringify!($name), || calls::$name(&app, $($arg),*))
        }
    };
    (bytes quick $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty) => {
        #[tauri::command]
        fn $name(app: State<'_, App>, request: Request<'_>) -> Reply<$result> {
            let bytes = raw_body(&request)?;
            $( let $arg: $ty = header(&request, stringify!($arg))?; )*
            run(stringify!($name), || calls::$name(&app, $($arg,)* bytes))
        }
    };
    (shell quick $name:ident ($($arg:ident : $ty:ty),*) -> $result:ty) => {
        #[tauri::command]
        fn $name(app: State<'_, App>, webview: tauri::Webview, $($arg: $ty),*) -> Reply<$result> {
            run(stringify!($name), || Ok(shell::$name(&app, &webview, $($arg),*)))
        }
    };
}

zairyu_app::command_table!(tauri_commands);

/// Runs one command: its error is logged with its code (never its message, which may quote
/// what was typed), and a panic in it (a bug) is caught here — logged by the panic hook, the
/// window told — and answered as `internal_panic`, so one command's bug does not end the app.
fn run<T>(name: &str, call: impl FnOnce() -> Result<T, AppError>) -> Reply<T> {
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::panic_screen::test_trigger(name);
        call()
    }));
    match answered {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => {
            log::warn!("command {name}: failed with {}", err.code());
            Err(err.into())
        }
        Err(_) => {
            log::error!("command {name}: answered {}", crate::panic_screen::CODE);
            Err(CommandError {
                code: crate::panic_screen::CODE.into(),
                message: format!("the command {name} stopped on an internal error (see the log)"),
            })
        }
    }
}

/// The `shell` commands of the table: what only the desktop shell knows.
mod shell {
    use zairyu_app::{App, DemoMail};

    /// The demo profile's mailbox: the e-mails the bundled server wrote to its outbox (the
    /// code of the registration e-mail is there). Empty in the production profile.
    pub(super) fn demo_mailbox(app: &App, _: &tauri::Webview) -> Vec<DemoMail> {
        crate::bundled::mailbox(app)
    }

    /// The UI calls this once, after its first screen (`screen`: `home`, `first-run`, …)
    /// shows real data: the log says which (a support report shows the window came up); with
    /// `ZAIRYU_STARTUP_REPORT` set, the stages of the launch and the time since start are
    /// printed (`scripts/bench-desktop.sh`).
    pub(super) fn ui_ready(_: &App, _: &tauri::Webview, screen: String) {
        // A screen's name: a few letters, nothing the user typed.
        let screen: String = screen
            .chars()
            .filter(|c| c.is_ascii_lowercase() || *c == '-')
            .take(32)
            .collect();
        log::info!("the window shows its first screen: {screen}");
        crate::startup_report::interactive();
    }

    /// The end of a counter visit: WebKit's website data of the app (local and session
    /// storage, IndexedDB, caches, cookies) is cleared, in memory and on disk.
    pub(super) fn clear_web_storage(_: &App, webview: &tauri::Webview) {
        if let Err(e) = webview.clear_all_browsing_data() {
            log::warn!("the web view's storage could not be cleared: {e}");
        }
    }

    /// "Restart" on the error screen: the process starts again (never returns).
    pub(super) fn restart_app(_: &App, webview: &tauri::Webview) {
        log::info!("restarting on the user's request");
        tauri::Manager::app_handle(webview).restart()
    }
}

fn bad_request(message: String) -> CommandError {
    CommandError {
        code: "bad_request".into(),
        message,
    }
}

/// The raw body of a `bytes` command.
fn raw_body<'a>(request: &'a Request<'_>) -> Result<&'a [u8], CommandError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(bad_request("the file must be sent as raw bytes".into()));
    };
    Ok(bytes)
}

/// One argument of a `bytes` command, from its (percent-encoded) header.
fn header(request: &Request<'_>, arg: &str) -> Result<String, CommandError> {
    let name = header_name(arg);
    request
        .headers()
        .get(name.as_str())
        .and_then(|v| v.to_str().ok())
        .and_then(zairyu_app::percent_decode)
        .ok_or_else(|| bad_request(format!("the request lacks the {name} header")))
}
