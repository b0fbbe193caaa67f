// SalesforceConnector module.
