// SalesforceAuth module.
