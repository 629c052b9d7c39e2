// x11 is registered on tcp and udp (6000-6063), not on sctp.
const P: u16 = iana_ports::port!("x11/sctp");

fn main() {
    let _ = P;
}
