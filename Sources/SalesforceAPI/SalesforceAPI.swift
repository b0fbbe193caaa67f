/// # SalesforceAPI
///
/// The only part of sfconnect that talks to Salesforce's data APIs.
///
/// ## Topics
///
/// ### The client
/// - ``SalesforceClient``: REST query/queryAll paging, describe (cached), limits, record
///   counts, getDeleted, single upsert, sObject Collections and IN lookups; Bulk API 2.0 query
///   and ingest. Every call asks the ``ConnectorCore/APICallGate`` first and reports
///   `Sforce-Limit-Info` back.
///
/// ### Errors
/// - ``SalesforceError`` and ``ErrorTable``: one table from Salesforce code, HTTP status or
///   transport failure to a ``ConnectorCore/Disposition``.
///
/// ### SOQL and CSV
/// - ``SOQLQuery``, ``SOQLPredicate``, ``SOQLLiteral``: a builder with escaping and a URL guard.
/// - ``CSVParser``, ``CSVWriter``: Bulk API 2.0's CSV, streamed.
