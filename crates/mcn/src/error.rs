//! The facade's one error type.

/// Anything a facade verb can fail with. Each variant wraps the error of the
/// operation that failed; its message is that error's (or says what was
/// being done) and the cause is reached through `source()`, never printed
/// twice.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A document could not be loaded (not JSON, an unsupported schema
    /// version, or a value that breaks the schema, with its location).
    #[error(transparent)]
    Load(#[from] mcn_network::LoadError),
    /// A report could not be serialised as JSON.
    #[error("could not render the report as JSON")]
    Render(#[source] serde_json::Error),
    /// A FHIR resource could not be imported (feature `fhir`).
    #[cfg(feature = "fhir")]
    #[error(transparent)]
    FhirImport(#[from] mcn_fhir::ImportError),
    /// A document could not be exported as CSV (feature `csv`).
    #[cfg(feature = "csv")]
    #[error(transparent)]
    CsvExport(#[from] mcn_csv::ExportError),
    /// CSV files could not be imported: every problem, located (feature `csv`).
    #[cfg(feature = "csv")]
    #[error(transparent)]
    CsvImport(#[from] mcn_csv::ImportError),
    /// No JSON Schema has the name asked for (feature `schema`).
    #[cfg(feature = "schema")]
    #[error(transparent)]
    UnknownSchema(#[from] mcn_schema::UnknownSchema),
}
