// ExportEngine module.
