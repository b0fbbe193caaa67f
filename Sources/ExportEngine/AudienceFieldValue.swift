/// The value of the audiences field (`send_audiences_to`): the member's exported audiences,
/// sorted, joined by the separator, never longer than the field's describe length. Lengths
/// count UTF-16 code units, as Salesforce does (an emoji separator counts 2).
public struct AudienceFieldValue: Sendable, Hashable {
    /// The text to send; empty when the member is in none of the exported audiences.
    public var text: String
    /// Audience names that did not fit in the field, in sorted order.
    public var omitted: [String]

    /// Builds the value. `maxLength` ≤ 0 means no limit. Names are added in sorted order and
    /// a name that does not fit is left out (a shorter later name may still fit).
    public init(memberOf: some Sequence<String>, exported: [String], separator: String, maxLength: Int) {
        let wanted = Set(exported)
        let names = Set(memberOf).filter { wanted.contains($0) }.sorted()
        var text = ""
        var omitted: [String] = []
        for name in names {
            let candidate = text.isEmpty ? name : text + separator + name
            if maxLength > 0 && candidate.utf16.count > maxLength { omitted.append(name) } else { text = candidate }
        }
        self.text = text
        self.omitted = omitted
    }
}
