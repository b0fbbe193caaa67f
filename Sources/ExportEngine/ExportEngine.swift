// ExportEngine module: plans audience exports against the object's describe (ExportPlan), builds
// each member's record (ExportRecordBuilder, AudienceFieldValue), and runs the durable send loop
// (ExportRunner: outbox first, then batches, then per-record outcomes; ExportBatchSender).
