// ExportEngine module: plans audience exports against the object's describe (ExportPlan) and
// builds the audiences field (AudienceFieldValue). The durable send loop is not built yet.
