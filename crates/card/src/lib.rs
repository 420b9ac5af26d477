//! zairyu-card: placeholder until its issue lands.
