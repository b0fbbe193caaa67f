import Foundation

/// A campaign created through the API gets the default member statuses of a new org:
/// `Sent` (the default) and `Responded` (counts as responded).
enum CampaignDefaults {
    static func addStatuses(campaignId: String, _ batch: inout OrgWriteBatch) throws {
        _ = try batch.insert("CampaignMemberStatus", ["CampaignId": .string(campaignId), "Label": .string("Sent"),
                                                      "IsDefault": .bool(true), "HasResponded": .bool(false),
                                                      "SortOrder": .int(1)])
        _ = try batch.insert("CampaignMemberStatus", ["CampaignId": .string(campaignId), "Label": .string("Responded"),
                                                      "IsDefault": .bool(false), "HasResponded": .bool(true),
                                                      "SortOrder": .int(2)])
    }
}
