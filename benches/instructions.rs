//! Instructions per call, for `benches/instructions.sh` (valgrind): the
//! calls and baselines of `benches/calls`, over the same inputs, one
//! operation a run. An instruction count does not move with the machine's
//! load, so it shows what a change costs where the timings of a shared
//! machine are too noisy to; it does not show latency (a division, a cache
//! miss), which the timings do.
//!
//! `instructions OP ROUNDS` runs OP over its inputs ROUNDS times and prints
//! how many calls a round makes; the script subtracts a run of 0 rounds
//! (the start-up) and divides. Without arguments (as `cargo bench` runs
//! every bench) it prints its usage and the operations.

use std::hint::black_box;

use iana_ports::{Protocol, Query, ServiceAddr, by_name, port, service_name};

#[path = "calls/baselines.rs"]
#[allow(dead_code)] // the criterion bench uses the rest
mod baselines;

use baselines::{NameMaps, PortMaps, inputs, user_addr, user_query};

const OPS: [&str; 10] = [
    "service_name",
    "direct_array",
    "by_name_next",
    "by_name_hashmap",
    "port",
    "port_hashmap",
    "query_parse",
    "query_split_hashmap",
    "addr_parse",
    "addr_split_hashmap",
];

/// `f` on every input, `rounds` times: the calls a round and a sum of the
/// results, so that none is optimized away.
fn run<I>(inputs: &[I], rounds: usize, f: impl Fn(&I) -> usize) -> (usize, usize) {
    let mut sum = 0usize;
    for _ in 0..rounds {
        for x in inputs {
            sum = sum.wrapping_add(f(black_box(x)));
        }
    }
    (inputs.len(), sum)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(op), Some(rounds)) = (args.first(), args.get(1).and_then(|r| r.parse().ok())) else {
        println!(
            "usage: instructions OP ROUNDS, OP one of {}; see benches/instructions.sh",
            OPS.join(", ")
        );
        return;
    };
    let inp = inputs();
    let tcp = Protocol::Tcp;
    let (calls, sum) = match op.as_str() {
        "service_name" => run(&inp.ports, rounds, |&p| {
            service_name(p, tcp).map_or(0, str::len)
        }),
        "direct_array" => {
            let maps = PortMaps::new();
            run(&inp.ports, rounds, |&p| {
                maps.name(p, tcp).map_or(0, str::len)
            })
        }
        "by_name_next" => run(&inp.names, rounds, |n| {
            by_name(n).next().map_or(0, |r| r.index())
        }),
        "by_name_hashmap" => {
            let maps = NameMaps::new(&inp.names);
            run(&inp.names, rounds, |n| {
                maps.first.get(n).map_or(0, |&i| usize::from(i))
            })
        }
        "port" => run(&inp.names, rounds, |n| port(n, tcp).map_or(0, usize::from)),
        "port_hashmap" => {
            let maps = NameMaps::new(&inp.names);
            run(&inp.names, rounds, |n| {
                maps.tcp.get(n).map_or(0, |&p| usize::from(p))
            })
        }
        "query_parse" => run(&inp.queries, rounds, |q| {
            usize::from(q.parse::<Query>().is_ok())
        }),
        "query_split_hashmap" => {
            let maps = NameMaps::new(&inp.names);
            run(&inp.queries, rounds, |q| {
                usize::from(user_query(q, &maps.tcp_lower).is_some())
            })
        }
        "addr_parse" => run(&inp.addrs, rounds, |a| {
            usize::from(ServiceAddr::parse(a, tcp).is_ok())
        }),
        "addr_split_hashmap" => {
            let maps = NameMaps::new(&inp.names);
            run(&inp.addrs, rounds, |a| {
                usize::from(user_addr(a, &maps.tcp_lower).is_some())
            })
        }
        other => {
            eprintln!("unknown operation {other:?}: one of {}", OPS.join(", "));
            std::process::exit(2);
        }
    };
    println!("{op}: {calls} calls a round, sum {sum}");
}
