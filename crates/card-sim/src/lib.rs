//! zairyu-card-sim: placeholder until its issue lands.
