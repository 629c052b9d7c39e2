// icmp is not a transport protocol of the registry.
fn main() {
    let _ = iana_ports::port!("ssh/icmp");
}
