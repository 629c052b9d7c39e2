//! A "daemon" whose port comes from the registry at compile time.
//!
//! It binds a TCP listener on 127.0.0.1 at `port!("rfb/tcp")` (5900, the
//! Remote Framebuffer protocol: a User port, 1024-49151, so no privileges
//! needed), falls back to a port the system picks when that one is busy,
//! connects to itself once with a timeout, and exits. It never waits for
//! anyone else.
//!
//! ```text
//! cargo run --example daemon
//! ```

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use iana_ports::{PortClass, Protocol, port, service_name};

/// Looked up while compiling: a typo in the name, or a protocol the service
/// is not registered for, would not build.
const PORT: u16 = port!("rfb/tcp");

// And a User port, so that binding needs no privileges; checked while
// compiling too.
const _: () = assert!(matches!(PortClass::of(PORT), PortClass::User));

const TIMEOUT: Duration = Duration::from_secs(2);

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("daemon: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> std::io::Result<()> {
    let name = service_name(PORT, Protocol::Tcp).unwrap_or("(unnamed)");
    println!(
        "registry: {name} is {PORT}/tcp, a {:?} port (registry of {})",
        PortClass::of(PORT),
        iana_ports::REGISTRY_UPDATED
    );

    let listener = match TcpListener::bind((Ipv4Addr::LOCALHOST, PORT)) {
        Ok(l) => l,
        Err(e) => {
            println!("port {PORT} is not available ({e}); falling back to a port the system picks");
            TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        }
    };
    let addr = listener.local_addr()?;
    if addr.port() == PORT {
        println!("listening on {addr} ({name})");
    } else {
        println!("listening on {addr} (fallback port)");
    }

    // One connection to ourselves, bounded in time on every step, so the
    // example always ends by itself.
    let mut client = TcpStream::connect_timeout(&addr, TIMEOUT)?;
    client.set_write_timeout(Some(TIMEOUT))?;
    client.write_all(b"hello\n")?;
    let (mut conn, peer) = accept_within(&listener, TIMEOUT)?;
    conn.set_read_timeout(Some(TIMEOUT))?;
    let mut buf = [0u8; 6];
    conn.read_exact(&mut buf)?;
    println!(
        "accepted {peer}, read {:?}; shutting down",
        String::from_utf8_lossy(&buf).trim_end()
    );
    Ok(())
}

/// `accept`, giving up after `timeout` (std has no accept timeout).
fn accept_within(
    listener: &TcpListener,
    timeout: Duration,
) -> std::io::Result<(TcpStream, SocketAddr)> {
    listener.set_nonblocking(true)?;
    let deadline = Instant::now() + timeout;
    loop {
        match listener.accept() {
            Ok((stream, peer)) => {
                stream.set_nonblocking(false)?;
                return Ok((stream, peer));
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                return Err(std::io::Error::new(
                    ErrorKind::TimedOut,
                    "no connection within the timeout",
                ));
            }
            Err(e) => return Err(e),
        }
    }
}
