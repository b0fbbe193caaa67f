// SalesforceAPI module.
