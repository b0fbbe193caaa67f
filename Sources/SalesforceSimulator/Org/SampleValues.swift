/// Picklist values of the standard objects (defaults of a new org).
enum SampleValues {
    static let countryCodes = ["US", "CA", "GB", "DE", "FR", "JP", "BR", "AU", "IN", "MX", "ES", "IT", "NL", "SE", "CH"]
    static let stateCodes = ["CA", "NY", "TX", "WA", "MA", "IL", "FL", "CO", "ON", "BC", "QC", "NSW", "VIC"]
    static let industries = ["Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
                             "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
                             "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government",
                             "Healthcare", "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media",
                             "Not For Profit", "Recreation", "Retail", "Shipping", "Technology",
                             "Telecommunications", "Transportation", "Utilities", "Other"]
    static let leadSources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"]
    static let leadStatuses = ["Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                               "Closed - Not Converted"]
    static let salutations = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]
    static let ratings = ["Hot", "Warm", "Cold"]
    static let accountTypes = ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
                               "Installation Partner", "Technology Partner", "Other"]
    static let ownership = ["Public", "Private", "Subsidiary", "Other"]
    static let stages = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                         "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won",
                         "Closed Lost"]
    static let opportunityTypes = ["Existing Customer - Upgrade", "Existing Customer - Replacement",
                                   "Existing Customer - Downgrade", "New Customer"]
    static let forecastCategories = ["Omitted", "Pipeline", "BestCase", "Forecast", "Closed"]
    static let forecastCategoryNames = ["Omitted", "Pipeline", "Best Case", "Commit", "Closed"]
    static let contactRoles = ["Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker",
                               "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other"]
    static let campaignTypes = ["Conference", "Webinar", "Trade Show", "Public Relations", "Partners",
                                "Referral Program", "Advertisement", "Banner Ads", "Direct Mail", "Email",
                                "Telemarketing", "Other"]
    static let campaignStatuses = ["Planned", "In Progress", "Completed", "Aborted"]
    static let taskStatuses = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]
    static let taskPriorities = ["High", "Normal", "Low"]
    static let taskSubtypes = ["Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn"]
    static let taskTypes = ["Call", "Email", "Meeting", "Other"]
    static let geocodeAccuracy = ["Address", "NearAddress", "Block", "Street", "ExtendedZip", "Zip", "City"]
}
