import Fluent
import Foundation

/// The cluster itself. Every other record belongs to one, so that a second cluster could share
/// an install later.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "address") var address: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Field(key: "website") var website: String
    @Field(key: "manager_name") var managerName: String
    @Field(key: "currency") var currency: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "statutes") var statutes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(slug: String, name: String, fullName: String, address: String, email: String, phone: String,
         website: String, managerName: String, statutes: String = "") {
        self.slug = slug
        self.name = name
        self.fullName = fullName
        self.address = address
        self.email = email
        self.phone = phone
        self.website = website
        self.managerName = managerName
        self.currency = "XPF"
        self.timeZone = "Pacific/Noumea"
        self.statutes = statutes
    }
}
