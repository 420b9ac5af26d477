//! zairyu-drafts: placeholder until its issue lands.
