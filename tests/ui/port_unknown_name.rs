// No record has this name, on any protocol.
const P: u16 = iana_ports::port!("no-such-service/tcp");

fn main() {
    let _ = P;
}
