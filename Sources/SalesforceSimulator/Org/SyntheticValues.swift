import Foundation

/// Value pools and a seeded RNG for the synthetic org: unicode, quotes, commas, newlines and nulls on purpose.
struct SyntheticRandom {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed ^ 0x5EED_0F0A6) }

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ list: [T]) -> T { list[int(0..<list.count)] }
    /// A value, or null with probability `nulls`.
    mutating func maybe(_ nulls: Double, _ v: SimValue) -> SimValue { chance(nulls) ? .null : v }

    static let firstNames = ["James", "Mary", "José", "Zoë", "Björn", "Siobhán", "François", "Aiko", "Chloé", "Mohammed",
                             "Olga", "Łukasz", "Nguyễn", "Søren", "Ana María", "Jean-Luc", "Priya", "Wei", "Émilie",
                             "Dmitri", "Fatima", "Hiroshi", "Ingrid", "Kwame", "Li", "Renée", "Tomás", "Yusuf"]
    static let lastNames = ["Smith", "O'Brien", "García", "Müller", "Nakamura", "Kowalski", "D'Angelo", "Smith, Jr.",
                            "van der Berg", "Øvergaard", "Chen", "Dubois", "Ivanova", "Okafor", "Patel", "Rossi",
                            "Schäfer", "Yılmaz", "Zhang", "MacDonald", "Andersson", "Costa", "Haddad", "李", "Nováková"]
    static let companyWords = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Cyberdyne", "Soylent",
                               "Hooli", "Vandelay", "Wonka", "Tyrell", "Aperture", "Müller", "Café Olé", "Zürich"]
    static let companySuffixes = [" Inc.", ", Inc.", " LLC", " GmbH", " & Sons", " \"The Best\" Co.", " S.A.", " 株式会社",
                                  " Ltd.", ""]
    static let cities = ["San Francisco", "New York", "Austin", "Seattle", "Boston", "Chicago", "Toronto", "Montréal",
                         "London", "München", "Paris", "Tokyo", "São Paulo", "Sydney", "Zürich", "Kraków"]
    static let countries = ["United States", "Canada", "United Kingdom", "Germany", "France", "Japan", "Brazil",
                            "Australia", "Switzerland", "Poland"]
    static let domains = ["example.com", "example.org", "example.net", "mail.example", "corp.example"]
    static let titles = ["CEO", "VP, Marketing", "Director of \"Growth\"", "Engineer", "Head of Sales", "CFO",
                         "Operations Manager", "Analyst", "Data Scientist"]
    static let streets = ["1 Market St", "221B Baker Street", "350 Fifth Avenue\nSuite 100", "Königsallee 12",
                          "10 Downing St., Apt. 2", "742 Evergreen Terrace"]
    static let descriptions = ["Met at the conference.", "Line one\nLine two, with a comma", "Says \"call me\" on Fridays",
                               "Emoji ok 👍 and tabs\there", "Prefers email; no calls"]

    mutating func company() -> String { pick(Self.companyWords) + " " + pick(Self.companyWords) + pick(Self.companySuffixes) }

    mutating func phone() -> String { "+1 (\(int(200..<999))) 555-\(String(format: "%04d", int(0..<10000)))" }

    mutating func email(_ first: String, _ last: String, _ n: Int) -> String {
        let clean = { (s: String) in
            String(s.lowercased().unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0)) })
        }
        let local = [clean(first), clean(last)].filter { !$0.isEmpty }.joined(separator: ".")
        return (local.isEmpty ? "user" : local) + ".\(n)@" + pick(Self.domains)
    }
}
