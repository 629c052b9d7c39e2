//! A bare-metal "firmware" that looks services up, for the size script:
//! `const` uses only compile-time lookups (`port!`, `service_name_const`),
//! `slim` and `full` runtime ones (`by_port`, `by_name`, `port`,
//! `service_name`; `full` also reads descriptions). Without a feature it
//! only passes numbers around, which is the baseline. `black_box` keeps
//! every value alive and the runtime inputs unknown to the optimizer.
#![no_std]
#![no_main]

use core::hint::black_box;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[cfg(feature = "const")]
fn run(_: u16) {
    use iana_ports::{port, service_name_const, Protocol};
    const MQTT: u16 = port!("mqtt/tcp");
    const COAP: u16 = port!("coap/udp");
    const MQTT_NAME: &str = service_name_const(1883, Protocol::Tcp).unwrap().as_str();
    const COAP_NAME: &str = service_name_const(5683, Protocol::Udp).unwrap().as_str();
    black_box((MQTT, COAP));
    black_box(MQTT_NAME.as_bytes());
    black_box(COAP_NAME.as_bytes());
}

#[cfg(feature = "slim")]
fn run(input: u16) {
    use iana_ports::{by_name, by_port, port, service_name, Protocol};
    black_box(service_name(input, Protocol::Tcp).map(str::as_bytes));
    black_box(port(black_box("mqtt"), Protocol::Tcp));
    for r in by_port(input, Protocol::Udp).chain(by_name(black_box("coap"))) {
        black_box((r.name().map(str::as_bytes), r.ports(), r.status()));
        #[cfg(feature = "full")]
        black_box(r.description().as_bytes());
    }
}

#[cfg(not(any(feature = "const", feature = "slim")))]
fn run(input: u16) {
    black_box(input);
}

/// The entry point (the linker's default): runs once, then waits.
#[no_mangle]
pub extern "C" fn _start() -> ! {
    run(black_box(1883));
    loop {}
}
