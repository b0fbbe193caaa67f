import Foundation

/// The org's duplicate rule on Lead Email (§6.5), configured through `POST /__admin/duplicate-rule`.
/// `alert` blocks a REST save unless the request sends `Sforce-Duplicate-Rule-Header: allowSave=true`;
/// `block` cannot be bypassed. Matching is case-insensitive against live leads other than the one saved.
struct DuplicateRule: Sendable, Equatable {
    enum Mode: String, Sendable { case off, alert, block }
    var mode: Mode = .off
    var name = "Standard_Lead_Duplicate_Rule"
    var errorMessage = "You're creating a duplicate record. We recommend you use an existing record instead."
}

/// Write-side settings shared by the REST, collections and Bulk routes (thread-safe).
final class WriteControls: @unchecked Sendable {
    private let lock = NSLock()
    private var rule = DuplicateRule()

    var duplicateRule: DuplicateRule {
        get { lock.lock(); defer { lock.unlock() }; return rule }
        set { lock.lock(); rule = newValue; lock.unlock() }
    }
}

/// What one write request knows besides its records.
struct WriteContext: Sendable {
    var apiVersion: String
    /// `Sforce-Duplicate-Rule-Header: allowSave=true` was sent (or the write comes from Bulk ingest,
    /// which cannot send it and lets `alert` rules save).
    var allowSave: Bool
    var rule: DuplicateRule
    /// Draws whether this record write fails with `UNABLE_TO_LOCK_ROW` (the fault rate).
    var lockFault: @Sendable () -> Bool

    /// Parses `allowSave=true; includeRecordDetails=false; …`.
    static func allowSave(header: String?) -> Bool {
        guard let header else { return false }
        for part in header.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "allowsave" { return kv[1].lowercased() == "true" }
        }
        return false
    }
}
