import Foundation

/// Pages result rows by locator (§7.1): a locator is the base64 (unpadded) of the row offset, as
/// Salesforce's `MTAwMDA` is "10000"; the last page carries the literal locator `null`.
struct BulkResultPager: Sendable {
    struct Page: Sendable, Equatable {
        var range: Range<Int>
        /// Value of `Sforce-Locator`: the next page's locator, or `"null"`.
        var nextLocator: String
    }

    /// Page size when the client sends no `maxRecords`.
    var defaultPageSize = 50_000

    func page(total: Int, maxRecords: String?, locator: String?) throws(BulkAPIError) -> Page {
        var size = defaultPageSize
        if let maxRecords {
            guard let n = Int(maxRecords), n > 0 else {
                throw BulkAPIError(status: 400, errorCode: "INVALIDREQUEST",
                                   message: "maxRecords must be a positive integer, got '\(maxRecords)'")
            }
            size = n
        }
        var start = 0
        if let locator, !locator.isEmpty {
            guard let offset = Self.offset(of: locator), offset <= total else {
                throw BulkAPIError(status: 400, errorCode: "INVALID_QUERY_LOCATOR",
                                   message: "Invalid locator: \(locator)")
            }
            start = offset
        }
        let end = min(total, start + size)
        return Page(range: start..<end, nextLocator: end < total ? Self.locator(for: end) : "null")
    }

    static func locator(for offset: Int) -> String {
        var s = Data(String(offset).utf8).base64EncodedString()
        while s.hasSuffix("=") { s.removeLast() }
        return s
    }

    static func offset(of locator: String) -> Int? {
        var s = locator
        while s.count % 4 != 0 { s.append("=") }
        guard let data = Data(base64Encoded: s), let text = String(data: data, encoding: .utf8) else { return nil }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
