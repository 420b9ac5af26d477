//! Shared pieces of the end-to-end suite.

#![allow(dead_code, unreachable_pub)]

pub mod desktop;
pub mod extension;
pub mod notifications;
pub mod organisation;
pub mod pcsc_stack;
pub mod reception;
