//! mcn-roles (being written).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
