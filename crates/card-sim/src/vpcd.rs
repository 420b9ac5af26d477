//! The virtual card behind real pcscd: a client of vsmartcard's vpcd reader driver
//! (`docs/card-protocol.md` §12.1). Frames are a 2-byte big-endian length and a payload; a
//! 1-byte payload is a control code (0 off, 1 on, 2 reset, 4 ATR), anything longer is a command
//! APDU. Closing the socket is pulling the card. If pcscd restarts, the card reconnects.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::card::VirtualCard;

/// Acknowledge received segments at once (Linux resets this after each receive, so it is set
/// before every read): vpcd sends a frame's length and payload separately, and with delayed
/// ACKs Nagle's algorithm would hold each payload for 40 ms.
fn quick_ack(stream: &TcpStream) {
    #[cfg(target_os = "linux")]
    let _ = socket2::SockRef::from(stream).set_tcp_quickack(true);
    #[cfg(not(target_os = "linux"))]
    let _ = stream;
}

/// Fills `buf`, waiting out read timeouts without losing bytes already read. `Ok(false)` when
/// `stop` was set while waiting.
fn fill(stream: &mut TcpStream, buf: &mut [u8], stop: &AtomicBool) -> std::io::Result<bool> {
    let mut got = 0;
    while got < buf.len() {
        if stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        quick_ack(stream);
        match stream.read(&mut buf[got..]) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// One frame from vpcd, or `None` when `stop` was set.
fn read_frame(stream: &mut TcpStream, stop: &AtomicBool) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 2];
    if !fill(stream, &mut len, stop)? {
        return Ok(None);
    }
    let mut payload = vec![0u8; u16::from_be_bytes(len) as usize];
    if !fill(stream, &mut payload, stop)? {
        return Ok(None);
    }
    Ok(Some(payload))
}

fn write_frame(stream: &mut TcpStream, payload: &[u8]) -> std::io::Result<()> {
    let len =
        u16::try_from(payload.len()).map_err(|_| std::io::Error::other("response too long"))?;
    let mut frame = len.to_be_bytes().to_vec();
    frame.extend_from_slice(payload);
    stream.write_all(&frame)
}

/// Serves one connection until vpcd closes it or `stop` is set.
pub fn serve(
    stream: &mut TcpStream,
    card: &Mutex<VirtualCard>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_millis(200)))?;
    stream.set_nodelay(true)?;
    loop {
        let Some(payload) = read_frame(stream, stop)? else {
            return Ok(());
        };
        let mut card = card.lock().unwrap_or_else(|p| p.into_inner());
        match payload.as_slice() {
            [0x04] => write_frame(stream, card.atr())?,
            [0x00] | [0x01] | [0x02] => card.reset(),
            [_] => {}
            apdu => {
                let reply = card.process(apdu);
                write_frame(stream, &reply)?;
            }
        }
    }
}

/// Connects to vpcd at `addr` and serves the card, reconnecting (every 200 ms) whenever the
/// connection is refused or dropped, until `stop` is set. `on_connect` is told each time.
pub fn run(
    addr: &str,
    card: Arc<Mutex<VirtualCard>>,
    stop: Arc<AtomicBool>,
    on_connect: impl Fn(bool),
) {
    while !stop.load(Ordering::Relaxed) {
        match TcpStream::connect(addr) {
            Ok(mut stream) => {
                on_connect(true);
                card.lock().unwrap_or_else(|p| p.into_inner()).reset();
                let _ = serve(&mut stream, &card, &stop);
                on_connect(false);
            }
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}
