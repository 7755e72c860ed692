//! [`Limits`]: what the router's tower layers and handlers enforce.

use std::time::Duration;

/// The limits of a router; the defaults are in the crate README.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest body of an entity write or change set, in bytes (default 1 MiB).
    pub entity_body: usize,
    /// Largest body of a whole document (import, validate), in bytes
    /// (default 256 MiB).
    pub document_body: usize,
    /// Longest a request may take before it is answered 503 (default 60 s).
    pub timeout: Duration,
    /// Requests handled at once; more wait (default 64).
    pub concurrency: usize,
    /// Longest query string, in bytes (default 4 KiB).
    pub query: usize,
    /// Page size of a collection list when `?limit=` is not given (100).
    pub page: usize,
    /// Largest page a client may ask for (1,000).
    pub max_page: usize,
    /// Rendered evaluation reports kept, per network, revision, dates and
    /// format (default 32; 0 keeps none).
    pub report_cache: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            entity_body: 1024 * 1024,
            document_body: 256 * 1024 * 1024,
            timeout: Duration::from_mins(1),
            concurrency: 64,
            query: 4096,
            page: 100,
            max_page: 1000,
            report_cache: 32,
        }
    }
}

impl Limits {
    /// The limit on entity writes and change sets.
    #[must_use]
    pub const fn with_entity_body(mut self, bytes: usize) -> Self {
        self.entity_body = bytes;
        self
    }

    /// The limit on whole documents.
    #[must_use]
    pub const fn with_document_body(mut self, bytes: usize) -> Self {
        self.document_body = bytes;
        self
    }

    /// The request timeout.
    #[must_use]
    pub const fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The concurrency limit.
    #[must_use]
    pub const fn with_concurrency(mut self, requests: usize) -> Self {
        self.concurrency = requests;
        self
    }

    /// The number of rendered reports kept (0: none).
    #[must_use]
    pub const fn with_report_cache(mut self, entries: usize) -> Self {
        self.report_cache = entries;
        self
    }
}
