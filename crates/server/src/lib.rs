//! zairyu-server: placeholder until its issue lands.
