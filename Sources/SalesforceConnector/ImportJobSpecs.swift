import ConnectorCore
import Definitions
import Foundation
import ImportEngine

/// Turns an import job definition into the engine's per-object specs: each toggled standard
/// object into its stream (`salesforce_leads`, `salesforce_contacts`, `salesforce_accounts`,
/// `salesforce_opportunities`) with the default mapping of `mappings/`, or a custom object into
/// its named stream with its `fields`. The user's own mapping files add rows for their object.
public enum ImportJobSpecs {
    /// Engine tuning shared by every object of a run (documented in README "Import").
    public struct Tuning: Sendable, Hashable {
        public var lag: TimeInterval = 120
        public var lookback: TimeInterval = 300
        public var bulkThreshold: Int = APIChoice.defaultBulkThreshold
        public init(lag: TimeInterval = 120, lookback: TimeInterval = 300, bulkThreshold: Int = APIChoice.defaultBulkThreshold) {
            self.lag = lag
            self.lookback = lookback
            self.bulkThreshold = bulkThreshold
        }
    }

    /// The specs of `job`; `defaults` are the default mappings (from `mappings/*.yaml`).
    /// - Throws: ``ImportError`` `.unknownField` when a standard object has no default mapping.
    public static func specs(for job: JobDefinition, defaults: [ObjectMapping],
                             tuning: Tuning = Tuning()) throws -> [ObjectImportSpec] {
        switch job {
        case .importObjects(let j):
            return try j.importedObjects.map { object in
                let settings = j.objects[object] ?? ObjectImportSettings()
                guard let mapping = defaults.first(where: { $0.object.lowercased() == object.sobject.lowercased() }) else {
                    throw ImportError(.unknownField, object: object.sobject, job: j.name,
                                      "There is no default mapping for \(object.sobject) in mappings/; restore mappings/\(object.sobject.lowercased()).yaml.")
                }
                return ObjectImportSpec(
                    object: object.sobject, stream: mapping.stream.isEmpty ? object.stream : mapping.stream,
                    planner: ImportPlanner(defaultRows: mapping.fields, userRows: userRows(j.mappings, object.sobject),
                                           additionalFields: settings.additionalFields, timestampField: settings.timestampField),
                    windows: WindowSettings(lag: tuning.lag, lookback: tuning.lookback, since: settings.since),
                    api: APIChoice(setting: apiSetting(j.api), bulkThreshold: tuning.bulkThreshold))
            }
        case .importCustomObject(let j):
            return [ObjectImportSpec(
                object: j.object, stream: j.stream,
                planner: ImportPlanner(userRows: userRows(j.mappings, j.object), additionalFields: j.fields,
                                       timestampField: j.timestampField),
                windows: WindowSettings(lag: tuning.lag, lookback: tuning.lookback, since: j.since),
                api: APIChoice(setting: apiSetting(j.api), bulkThreshold: tuning.bulkThreshold))]
        case .audience, .exportAudiences:
            return []
        }
    }

    static func userRows(_ mappings: [UserMapping], _ object: String) -> [FieldMapping] {
        mappings.filter { $0.mapping.object.lowercased() == object.lowercased() }.flatMap(\.mapping.fields)
    }

    static func apiSetting(_ mode: APIMode) -> APISetting {
        switch mode {
        case .auto: return .auto
        case .rest: return .rest
        case .bulk: return .bulk
        }
    }
}
