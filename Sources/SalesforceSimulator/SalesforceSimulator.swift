// SalesforceSimulator module.
