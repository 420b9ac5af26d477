//! Prints, for status / read basic four / read auth certificate / sign, the number of APDUs
//! and the wall time, in-process (virtual card) and — when `ZAIRYU_BENCH_READER` names a
//! PC/SC reader holding the virtual card (`scripts/bench-card.sh` sets that up with pcscd and
//! vpcd) — through PC/SC, with the difference as the PC/SC overhead per operation.
//! Run: `cargo bench -p zairyu-card` or `scripts/bench-card.sh`.

use std::time::{Duration, Instant};

use myna_card::{Card, Transmit};
use zairyu_card::session::{read_basic_four, read_certificate, sign, status};
use zairyu_card::{CertKind, Counting, LastTry, PinKind, Secret};
use zairyu_card_sim::{AccessLog, Identity, SimTransport, VirtualCard};

const ROUNDS: u32 = 20;

fn run<T: Transmit>(card: &mut Card<Counting<T>>, op: usize) {
    match op {
        0 => {
            status(card).expect("status");
        }
        1 => {
            let mut pin = Secret::new(PinKind::Text, "1234").expect("pin");
            read_basic_four(card, &mut pin, LastTry::Refuse).expect("basic four");
        }
        2 => {
            read_certificate(card, CertKind::Auth, None, LastTry::Refuse).expect("certificate");
        }
        _ => {
            let mut pin = Secret::new(PinKind::Auth, "1234").expect("pin");
            sign(card, CertKind::Auth, &[1u8; 32], &mut pin, LastTry::Refuse).expect("signature");
        }
    }
}

fn measure<T: Transmit>(card: &mut Card<Counting<T>>, op: usize) -> (u64, Duration) {
    let before = card.transport().apdus;
    run(card, op);
    let apdus = card.transport().apdus - before;
    let start = Instant::now();
    for _ in 0..ROUNDS {
        run(card, op);
    }
    (apdus, start.elapsed() / ROUNDS)
}

fn main() {
    let sim = SimTransport::new(VirtualCard::new(&Identity::default(), AccessLog::default()));
    let mut local = Card::new(Counting {
        inner: sim,
        apdus: 0,
    });
    let reader = std::env::var("ZAIRYU_BENCH_READER").ok();
    let mut pcsc = reader.as_deref().map(|name| {
        let card =
            zairyu_card::readers::connect(Some(name), true).expect("connect to the bench reader");
        Card::new(Counting {
            inner: card.into_transport(),
            apdus: 0,
        })
    });
    println!(
        "{:<24} {:>6} {:>14} {:>14} {:>16}",
        "operation", "APDUs", "in-process", "via PC/SC", "PC/SC overhead"
    );
    for (op, name) in [
        "status",
        "read basic four",
        "read auth certificate",
        "sign (auth key)",
    ]
    .iter()
    .enumerate()
    {
        let (apdus, t_local) = measure(&mut local, op);
        let (remote, overhead) = match pcsc.as_mut() {
            Some(card) => {
                let (n, t) = measure(card, op);
                assert_eq!(n, apdus, "the same APDUs both ways");
                let per = t.saturating_sub(t_local);
                (
                    format!("{:.2} ms", t.as_secs_f64() * 1e3),
                    format!("{:.2} ms", per.as_secs_f64() * 1e3),
                )
            }
            None => ("-".into(), "-".into()),
        };
        println!(
            "{name:<24} {apdus:>6} {:>11.2} ms {remote:>14} {overhead:>16}",
            t_local.as_secs_f64() * 1e3
        );
    }
    if pcsc.is_none() {
        println!("(set ZAIRYU_BENCH_READER, or run scripts/bench-card.sh, for the PC/SC column)");
    }
}
