//! Looks up each argument (a port or a name) and prints what it finds.
//! Without a feature it only echoes, which is the baseline binary.

fn main() {
    for arg in std::env::args().skip(1) {
        #[cfg(feature = "slim")]
        {
            let records = match arg.parse::<u16>() {
                Ok(port) => iana_ports::by_port(port, iana_ports::Protocol::Tcp),
                Err(_) => iana_ports::by_name(&arg),
            };
            for r in records {
                println!("{arg}: {:?} {:?} {:?} {}", r.name(), r.protocol(), r.ports(), r.status());
                #[cfg(feature = "full")]
                println!(
                    "  {} {:?} {:?} {:?} {:?}",
                    r.description(),
                    r.note(),
                    r.contacts().map(|p| p.id()).collect::<Vec<_>>(),
                    r.references().collect::<Vec<_>>(),
                    r.registered()
                );
            }
        }
        #[cfg(not(feature = "slim"))]
        println!("{arg}");
    }
}
