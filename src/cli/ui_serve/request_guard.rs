//! Who may drive `zairyu ui-serve`: the page it served, and nothing else a browser runs. Every
//! request must name this computer in `Host` (a DNS-rebound name such as `attacker.example`
//! is refused); a command must also carry the per-run token the server printed (in the
//! `X-Zairyu-Token` header; the page reads it from its own URL), come from the same origin or
//! none, and have a JSON (or, for a file, octet-stream) body. Any other web page the user has
//! open can therefore neither send a command (no token, and its `Origin` is foreign) nor read
//! an answer; a `text/plain` or form body, which a browser sends cross-origin without asking,
//! is refused before it is read.

use axum::http::{header, HeaderMap, StatusCode};
use subtle::ConstantTimeEq;

/// The header the UI sends the token in.
pub(crate) const TOKEN_HEADER: &str = "x-zairyu-token";

/// A refusal: its HTTP status, stable code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

fn refuse(status: StatusCode, code: &'static str, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        code,
        message: message.into(),
    }
}

/// The rules of one run: the token and the `Host` values that mean this computer.
#[derive(Debug, Clone)]
pub(crate) struct RequestGuard {
    token: String,
    hosts: Vec<String>,
}

impl RequestGuard {
    /// A guard with a fresh random token (256 bits, hex) for a server on `port`.
    pub(crate) fn new(port: u16) -> Result<RequestGuard, String> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("no random token: {e}"))?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(RequestGuard::with_token(port, token))
    }

    pub(crate) fn with_token(port: u16, token: String) -> RequestGuard {
        let hosts = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| format!("{h}:{port}"))
            .collect();
        RequestGuard { token, hosts }
    }

    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    /// `Host` names this computer on our port (any request, files included).
    pub(crate) fn check_host(&self, headers: &HeaderMap) -> Result<(), Refusal> {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(|h| h.to_ascii_lowercase());
        match host {
            Some(host) if self.hosts.contains(&host) => Ok(()),
            other => Err(refuse(
                StatusCode::FORBIDDEN,
                "ui_host_refused",
                format!(
                    "the request is for host {:?}, not this computer: open the address \
                     `zairyu ui-serve` printed (http://{}/…)",
                    other.unwrap_or_default(),
                    self.hosts[0]
                ),
            )),
        }
    }

    /// A command: same origin (or none), the token, and a body of `body_type`.
    pub(crate) fn check_command(
        &self,
        headers: &HeaderMap,
        body_type: &str,
    ) -> Result<(), Refusal> {
        self.check_host(headers)?;
        if let Some(origin) = headers.get(header::ORIGIN) {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_ascii_lowercase();
            let same = origin
                .to_str()
                .is_ok_and(|o| o.eq_ignore_ascii_case(&format!("http://{host}")));
            if !same {
                return Err(refuse(
                    StatusCode::FORBIDDEN,
                    "ui_origin_refused",
                    format!(
                        "a page from {:?} may not send commands to Zairyu: only the page \
                         `zairyu ui-serve` served can",
                        origin.to_str().unwrap_or("?")
                    ),
                ));
            }
        }
        match headers.get(TOKEN_HEADER) {
            None => {
                return Err(refuse(
                    StatusCode::FORBIDDEN,
                    "ui_token_missing",
                    "the request has no X-Zairyu-Token header: open the address with \
                     ?token=… that `zairyu ui-serve` printed",
                ))
            }
            Some(sent) => {
                if !bool::from(sent.as_bytes().ct_eq(self.token.as_bytes())) {
                    return Err(refuse(
                        StatusCode::FORBIDDEN,
                        "ui_token_wrong",
                        "the X-Zairyu-Token header is not this run's token: open the address \
                         `zairyu ui-serve` printed when it started (a new run has a new token)",
                    ));
                }
            }
        }
        let sent_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase());
        if sent_type.as_deref() != Some(body_type) {
            return Err(refuse(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "ui_content_type",
                format!(
                    "the body is {:?}; this command takes Content-Type: {body_type}",
                    sent_type.unwrap_or_default()
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> RequestGuard {
        RequestGuard::with_token(4000, "t0ken".into())
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    const JSON: &str = "application/json";

    fn legit() -> Vec<(&'static str, &'static str)> {
        vec![
            ("host", "127.0.0.1:4000"),
            ("origin", "http://127.0.0.1:4000"),
            (TOKEN_HEADER, "t0ken"),
            ("content-type", "application/json; charset=utf-8"),
        ]
    }

    fn with(change: (&'static str, &'static str)) -> HeaderMap {
        let mut pairs = legit();
        pairs.retain(|(n, _)| *n != change.0);
        pairs.push(change);
        headers(&pairs)
    }

    fn without(name: &str) -> HeaderMap {
        let mut pairs = legit();
        pairs.retain(|(n, _)| *n != name);
        headers(&pairs)
    }

    fn code(result: Result<(), Refusal>) -> &'static str {
        result.unwrap_err().code
    }

    #[test]
    fn the_served_page_passes() {
        let g = guard();
        g.check_command(&headers(&legit()), JSON).unwrap();
        // No Origin (a script, curl) and the other loopback names are fine.
        g.check_command(&without("origin"), JSON).unwrap();
        for host in ["localhost:4000", "[::1]:4000", "LOCALHOST:4000"] {
            let origin = format!("http://{host}");
            let h = headers(&[
                ("host", host),
                ("origin", &origin),
                (TOKEN_HEADER, "t0ken"),
                ("content-type", JSON),
            ]);
            g.check_command(&h, JSON).unwrap();
        }
    }

    #[test]
    fn everything_else_is_refused_with_its_code() {
        let g = guard();
        assert_eq!(
            code(g.check_command(&without(TOKEN_HEADER), JSON)),
            "ui_token_missing"
        );
        assert_eq!(
            code(g.check_command(&with((TOKEN_HEADER, "t0kem")), JSON)),
            "ui_token_wrong"
        );
        for host in [
            "attacker.example:4000",
            "127.0.0.1:4001",
            "127.0.0.1",
            "127.0.0.1.attacker.example:4000",
        ] {
            let h = headers(&[
                ("host", host),
                (TOKEN_HEADER, "t0ken"),
                ("content-type", JSON),
            ]);
            assert_eq!(code(g.check_command(&h, JSON)), "ui_host_refused", "{host}");
        }
        assert_eq!(
            code(g.check_command(&without("host"), JSON)),
            "ui_host_refused"
        );
        for origin in [
            "http://attacker.example",
            "null",
            "https://127.0.0.1:4000",
            "http://localhost:4000",
        ] {
            assert_eq!(
                code(g.check_command(&with(("origin", origin)), JSON)),
                "ui_origin_refused",
                "{origin}"
            );
        }
        for body in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
        ] {
            assert_eq!(
                code(g.check_command(&with(("content-type", body)), JSON)),
                "ui_content_type"
            );
        }
        assert_eq!(
            code(g.check_command(&without("content-type"), JSON)),
            "ui_content_type"
        );
        // A file command takes octet-stream, and only that.
        assert_eq!(
            code(g.check_command(&headers(&legit()), "application/octet-stream")),
            "ui_content_type"
        );
    }

    #[test]
    fn a_token_is_random_and_long() {
        let a = RequestGuard::new(1).unwrap();
        let b = RequestGuard::new(1).unwrap();
        assert_eq!(a.token().len(), 64);
        assert_ne!(a.token(), b.token());
    }
}
