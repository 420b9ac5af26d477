//! zairyu-checks: placeholder until its issue lands.
