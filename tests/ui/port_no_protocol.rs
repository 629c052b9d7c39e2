// The protocol is required: "ssh/tcp", not "ssh".
fn main() {
    let _ = iana_ports::port!("ssh");
}
