//! Which reception-server addresses the app accepts: `https://` anywhere, plain `http://` only
//! for this computer (a loopback IP address or exactly `localhost`), and never with a user name
//! or password in the address. The address is parsed, not prefix-matched, so
//! `http://127.0.0.1.attacker.example` and `http://localhost@attacker.example` are refused.

use url::{Host, Url};

/// Whether `address` may be used as the reception server.
pub(crate) fn is_acceptable(address: &str) -> bool {
    let Ok(url) = Url::parse(address) else {
        return false;
    };
    if !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    match (url.scheme(), url.host()) {
        ("https", Some(_)) => true,
        ("http", Some(Host::Ipv4(ip))) => ip.is_loopback(),
        ("http", Some(Host::Ipv6(ip))) => ip.is_loopback(),
        ("http", Some(Host::Domain(name))) => name == "localhost",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_plain_http_on_this_computer() {
        for ok in [
            "https://reception.example.jp",
            "https://reception.example.jp:8443/base",
            "http://127.0.0.1:8377",
            "http://127.0.0.1",
            "http://127.1.2.3:80",
            "http://localhost:8377",
            "http://LOCALHOST:8377",
            "http://[::1]:8377",
            "http://[::1]",
        ] {
            assert!(is_acceptable(ok), "{ok} is refused");
        }
    }

    #[test]
    fn look_alikes_of_this_computer_are_refused() {
        for attack in [
            "http://127.0.0.1.attacker.example",
            "http://127.0.0.1.attacker.example:8377",
            "http://localhost@attacker.example",
            "http://localhost:8377@attacker.example",
            "http://127.0.0.1@attacker.example",
            "http://localhost.attacker.example",
            "http://localhostattacker.example",
            "http://attacker.example/127.0.0.1",
            "http://attacker.example?localhost",
            "http://[::2]:8377",
            "http://10.0.0.1",
            "https://user:pass@reception.example.jp",
            "http://user@127.0.0.1",
            "ftp://127.0.0.1",
            "file:///etc/passwd",
            "127.0.0.1:8377",
            "reception.example.jp",
            "",
        ] {
            assert!(!is_acceptable(attack), "{attack} is accepted");
        }
    }
}
