// ConnectorTesting module.
