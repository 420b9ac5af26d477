//! zairyu-forms: placeholder until its issue lands.
