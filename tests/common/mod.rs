//! Helpers shared by the test crates (`mod common;`); each crate uses some.
#![allow(dead_code)]

pub mod names;
pub mod registry;
pub mod rng;
pub mod services;
pub mod shared;
