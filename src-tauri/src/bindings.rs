//! Generates `ui/src/lib/generated/bindings.ts` from the one command table
//! (`zairyu_app::command_table!`): the TypeScript types of every command's arguments, result
//! and error (ts-rs, every type reachable from the table), the `Commands` map, the
//! `CommandMethods` interface the UI's `backend()` implements, and `commandSpecs`, which tells
//! the UI's one generic invoke how each method reaches its command.
//!
//! `cargo test -p zairyu-desktop` fails when the committed file differs from what this
//! module generates; `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` rewrites it.

#![cfg_attr(not(test), allow(dead_code))]

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TypeVisitor, TS};
use zairyu_app::command_table::{header_name, json_name};
use zairyu_app::{StatusChange, UploadProgress};

use crate::commands::CommandError;

/// The generated file, relative to the repository root.
pub(crate) const PATH: &str = "ui/src/lib/generated/bindings.ts";

/// One command as the table lists it.
struct Command {
    name: &'static str,
    docs: Vec<&'static str>,
    /// Each argument's Rust name and TypeScript type.
    args: Vec<(&'static str, String)>,
    result: String,
    /// The body is raw bytes; the arguments travel as headers.
    bytes: bool,
}

/// Every declared type reached from the commands, written out sorted by name: ts-rs's derive
/// lists a type's dependencies in an order that can change from one compilation to the next, so
/// the order first met is not stable enough for a committed file.
#[derive(Default)]
struct Declarations {
    cfg: Config,
    seen: HashSet<TypeId>,
    /// (name, declaration)
    decls: Vec<(String, String)>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            self.decls.push((T::ident(&self.cfg), T::decl(&self.cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

impl Declarations {
    fn name_of<T: TS + 'static + ?Sized>(&mut self) -> String {
        self.visit::<T>();
        T::name(&self.cfg)
    }
}

/// The table as a list of [`Command`]s.
macro_rules! command_list {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* ) -> $result:ty = $method:ident [$kind:ident $thread:ident $answer:ident];
    )*) => {
        fn commands(types: &mut Declarations) -> Vec<Command> {
            vec![$(
                Command {
                    name: stringify!($name),
                    docs: vec![$($doc),*],
                    args: vec![$( (stringify!($arg), types.name_of::<$ty>()) ),*],
                    result: types.name_of::<$result>(),
                    bytes: stringify!($kind) == "bytes",
                }
            ),*]
        }
    };
}

zairyu_app::command_table!(command_list);

/// Words TypeScript does not take as a parameter name (the label only; the wire name stays).
const RESERVED: &[&str] = &["new", "delete", "default", "function", "class", "in", "var"];

fn param_label(arg: &str) -> String {
    let name = json_name(arg);
    if RESERVED.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

fn js_doc(docs: &[&str], indent: &str) -> String {
    if docs.is_empty() {
        return String::new();
    }
    let text: Vec<&str> = docs.iter().map(|d| d.trim()).collect();
    format!("{indent}/** {} */\n", text.join(" "))
}

/// The whole generated file.
pub(crate) fn render() -> String {
    // JSON numbers are JavaScript numbers: no `bigint` for i64.
    let mut types = Declarations {
        cfg: Config::new().with_large_int("number"),
        ..Declarations::default()
    };
    let commands = commands(&mut types);
    // Not the answer of a command: the error of every command, and the payload of the
    // `status-changed` and `upload-progress` events.
    types.visit::<CommandError>();
    types.visit::<StatusChange>();
    types.visit::<UploadProgress>();

    let mut out = String::from(
        "// Generated from the command table (zairyu_app::command_table!) by\n\
         // src-tauri/src/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` instead.\n\n",
    );
    types.decls.sort();
    for (_, decl) in &types.decls {
        out.push_str("export ");
        out.push_str(decl);
        out.push_str("\n\n");
    }

    out.push_str(
        "/** Every command: its arguments, under the names they travel by, and its result. */\n\
         export interface Commands {\n",
    );
    for c in &commands {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", json_name(name)))
            .chain(c.bytes.then(|| "bytes: Uint8Array".to_owned()))
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        out.push_str(&format!(
            "  {}: {{ args: {args}; result: {} }};\n",
            c.name, c.result
        ));
    }
    out.push_str("}\n\n");

    let bytes: Vec<String> = commands
        .iter()
        .filter(|c| c.bytes)
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    out.push_str(&format!(
        "/** The commands whose body is raw bytes; their other arguments travel as headers. */\n\
         export type BytesCommand = {};\n\n",
        bytes.join(" | ")
    ));

    out.push_str(
        "/** Every command as the UI calls it: `backend().setDraftField(id, path, value)`. */\n\
         export interface CommandMethods {\n",
    );
    for c in &commands {
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", param_label(name)))
            .chain(c.bytes.then(|| "bytes: Uint8Array".to_owned()))
            .collect();
        out.push_str(&js_doc(&c.docs, "  "));
        out.push_str(&format!(
            "  {}({}): Promise<{}>;\n",
            json_name(c.name),
            params.join(", "),
            c.result
        ));
    }
    out.push_str("}\n\n");

    out.push_str(
        "/** How each method of `CommandMethods` reaches its command: the names its arguments\n \
         * travel under, in order (JSON keys; for a `bytes` command, headers, and the method's\n \
         * last argument is the body). */\n\
         export const commandSpecs = [\n",
    );
    for c in &commands {
        let names: Vec<String> = c
            .args
            .iter()
            .map(|(name, _)| {
                let wire = if c.bytes {
                    header_name(name)
                } else {
                    json_name(name)
                };
                format!("\"{wire}\"")
            })
            .collect();
        out.push_str(&format!(
            "  {{ method: \"{}\", command: \"{}\", args: [{}]{} }},\n",
            json_name(c.name),
            c.name,
            names.join(", "),
            if c.bytes { ", bytes: true" } else { "" }
        ));
    }
    out.push_str("] as const;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(PATH);
        let fresh = render();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{PATH} is out of date: run `UPDATE_BINDINGS=1 cargo test -p zairyu-desktop bindings` and commit it"
        );
    }

    #[test]
    fn bindings_cover_every_command_and_type() {
        let text = render();
        let mut types = Declarations::default();
        for c in commands(&mut types) {
            assert!(
                text.contains(&format!("  {}: {{ args:", c.name)),
                "{}",
                c.name
            );
            assert!(
                text.contains(&format!("command: \"{}\"", c.name)),
                "{}",
                c.name
            );
        }
        // Every type a command names is declared (or is a TypeScript built-in).
        for name in [
            "DraftState",
            "SubmitOutcome",
            "Registration",
            "CommandError",
            "DemoMail",
        ] {
            assert!(text.contains(&format!("export type {name} = ")), "{name}");
        }
        assert!(!text.contains("bigint"));
    }

    #[test]
    fn reserved_words_get_another_label() {
        assert_eq!(param_label("new"), "new_");
        assert_eq!(param_label("last_try"), "lastTry");
    }
}
