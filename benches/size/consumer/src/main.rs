//! Looks up each argument (a port or a name) and prints what it finds.
//! Without a feature it only echoes, which is the baseline binary. With
//! `const` it prints values looked up at compile time only (`port!`,
//! `service_name_const`): the cost of the crate to a program that never
//! looks anything up at run time.

fn main() {
    #[cfg(feature = "const")]
    {
        use iana_ports::{port, service_name_const, Protocol};
        const SSH: u16 = port!("ssh/tcp");
        const MQTT: u16 = port!("mqtt/tcp");
        const HTTP: &str = service_name_const(80, Protocol::Tcp).unwrap().as_str();
        const MQTT_NAME: &str = service_name_const(1883, Protocol::Tcp).unwrap().as_str();
        println!("{SSH} {MQTT} {HTTP} {MQTT_NAME}");
    }
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
