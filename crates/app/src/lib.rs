//! zairyu-app: placeholder until its issue lands.
