/// API usage for the org's rolling 24-hour window, as Salesforce reports it in
/// `Sforce-Limit-Info: api-usage=<used>/<max>` or in `/limits` `DailyApiRequests`.
public struct APIUsage: Sendable, Hashable, Codable {
    public var used: Int
    public var max: Int
    public var remaining: Int { Swift.max(0, max - used) }

    public init(used: Int, max: Int) {
        self.used = used
        self.max = max
    }

    /// Parses the first `api-usage=<used>/<max>` pair of a `Sforce-Limit-Info` header value;
    /// other pairs (`per-app-api-usage`, `api-bursts`) are ignored. Returns nil when absent.
    public init?(limitInfoHeader value: String) {
        for part in value.split(separator: ";") {
            let pair = part.trimmingWhitespace()
            guard pair.hasPrefix("api-usage=") else { continue }
            let nums = pair.dropFirst("api-usage=".count).split(separator: "/")
            guard nums.count == 2, let u = Int(nums[0]), let m = Int(nums[1]) else { return nil }
            self.init(used: u, max: m)
            return
        }
        return nil
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
