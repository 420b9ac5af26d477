//! Notification e-mail through lettre: `.eml` files in the outbox folder (the default, and
//! what the tests and the bundled server read; folder 0700, files 0600: they hold reset
//! codes), or SMTP: plain, STARTTLS or TLS, with a login when configured.

use lettre::message::header::ContentType;
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use lettre::transport::smtp::authentication::Credentials;

use crate::config::{Mail, SmtpLogin, SmtpTls};

#[derive(Debug, Clone)]
pub struct Mailer {
    mail: Mail,
}

impl Mailer {
    pub fn new(mail: Mail) -> Result<Mailer, String> {
        if let Mail::Outbox(dir) = &mail {
            crate::owner_only::create_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        Ok(Mailer { mail })
    }

    /// Sends one plain-text message. Failures are logged (without the body), not fatal: the
    /// action that caused the mail has already been stored.
    pub fn send(&self, to: &str, subject: &str, body: &str) -> bool {
        let message = Message::builder()
            .from(
                "Zairyu reception <no-reply@zairyu.invalid>"
                    .parse()
                    .expect("static address parses"),
            )
            .to(match to.parse() {
                Ok(a) => a,
                Err(_) => {
                    eprintln!("zairyu serve: mail not sent: the recipient address is invalid");
                    return false;
                }
            })
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned());
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                eprintln!("zairyu serve: mail not built: {e}");
                return false;
            }
        };
        let sent = match &self.mail {
            // The folder is 0700; each message (it may hold a reset code) is made 0600 too.
            Mail::Outbox(dir) => FileTransport::new(dir)
                .send(&message)
                .map_err(|e| e.to_string())
                .and_then(|id| {
                    crate::owner_only::restrict_file(&dir.join(format!("{id}.eml")))
                        .map_err(|e| e.to_string())
                }),
            Mail::Smtp {
                host,
                port,
                tls,
                login,
            } => smtp_transport(host, *port, *tls, login.as_ref())
                .and_then(|t| t.send(&message).map(|_| ()).map_err(|e| e.to_string())),
        };
        if let Err(e) = &sent {
            eprintln!("zairyu serve: mail to the applicant not sent: {e}");
        }
        sent.is_ok()
    }
}

/// The SMTP connection the configuration asks for: plain, STARTTLS (required, not merely
/// tried) or TLS from the start, with the account's login when given (lettre, rustls with the
/// web PKI roots).
fn smtp_transport(
    host: &str,
    port: u16,
    tls: SmtpTls,
    login: Option<&SmtpLogin>,
) -> Result<SmtpTransport, String> {
    let builder = match tls {
        SmtpTls::None => SmtpTransport::builder_dangerous(host),
        SmtpTls::Starttls => SmtpTransport::starttls_relay(host).map_err(|e| e.to_string())?,
        SmtpTls::Tls => SmtpTransport::relay(host).map_err(|e| e.to_string())?,
    };
    let builder = builder.port(port);
    Ok(match login {
        Some(l) => builder.credentials(Credentials::new(l.user.clone(), l.password.clone())),
        None => builder,
    }
    .build())
}

/// The newest `limit` e-mails of an outbox folder, as (file name, decoded text body), newest
/// first: the desktop app's demo mailbox.
pub fn outbox_messages(dir: &std::path::Path, limit: usize) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    files
        .into_iter()
        .take(limit)
        .filter_map(|(_, p)| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                eml_text(&text),
            ))
        })
        .collect()
}

/// The `Subject` of an `.eml` file, its RFC 2047 encoded words (`=?utf-8?b?…?=`, `?q?`, as
/// lettre writes a subject that is not ASCII, folded over several lines) decoded: for the
/// tests that check which language a mail was written in.
pub fn eml_subject(eml: &str) -> String {
    let head = eml
        .split_once("\r\n\r\n")
        .or_else(|| eml.split_once("\n\n"))
        .map_or(eml, |(head, _)| head);
    let mut raw = String::new();
    let mut inside = false;
    for line in head.lines() {
        if inside && line.starts_with([' ', '\t']) {
            raw.push_str(line);
        } else if let Some(value) = line
            .get(..8)
            .filter(|name| name.eq_ignore_ascii_case("subject:"))
            .map(|_| &line[8..])
        {
            raw.push_str(value);
            inside = true;
        } else {
            inside = false;
        }
    }
    // Adjacent encoded words are one text (the space between them is folding, and a
    // character may be split across them): their bytes are joined before decoding.
    let mut out = String::new();
    let mut bytes = Vec::new();
    for token in raw.split_whitespace() {
        match decode_word(token) {
            Some(decoded) => {
                if bytes.is_empty() && !out.is_empty() {
                    out.push(' ');
                }
                bytes.extend(decoded);
            }
            None => {
                out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut bytes)));
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(token);
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// The bytes of one RFC 2047 encoded word (`=?charset?B?…?=` or `?Q?`).
fn decode_word(token: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = match encoding {
        "B" | "b" => base64::engine::general_purpose::STANDARD
            .decode(text)
            .ok()?,
        "Q" | "q" => {
            let mut out = Vec::new();
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'_' => out.push(b' '),
                    b'=' => {
                        out.push(u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok()?);
                        i += 2;
                    }
                    b => out.push(b),
                }
                i += 1;
            }
            out
        }
        _ => return None,
    };
    Some(bytes)
}

/// The text body of an `.eml` file as lettre writes it (decoding base64 when used): for the
/// bundled server's outbox reader and the tests.
pub fn eml_text(eml: &str) -> String {
    use base64::Engine;
    let (head, body) = eml
        .split_once("\r\n\r\n")
        .or_else(|| eml.split_once("\n\n"))
        .unwrap_or(("", eml));
    if head
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: base64")
    {
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    } else if head
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: quoted-printable")
    {
        let joined = body.replace("=\r\n", "").replace("=\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = (bytes[i] == b'=')
                .then(|| joined.get(i + 1..i + 3))
                .flatten()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    out.push(b);
                    i += 3;
                }
                None => {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    } else {
        body.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_in_any_script_reads_back_from_the_eml_lettre_writes() {
        for subject in [
            "Zairyu: xác nhận địa chỉ e-mail của bạn",
            "Zairyu: आफ्नो इमेल ठेगाना पुष्टि गर्नुहोस् — a long subject that lettre folds over lines",
            "plain ASCII",
        ] {
            let message = Message::builder()
                .from("a@example.jp".parse().unwrap())
                .to("b@example.jp".parse().unwrap())
                .subject(subject)
                .body(String::from("body"))
                .unwrap();
            let eml = String::from_utf8(message.formatted()).unwrap();
            assert_eq!(eml_subject(&eml), subject, "{eml}");
        }
    }
}
