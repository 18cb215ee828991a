import Fluent
import Foundation
import GrappeDomain

/// A digital professional of the territory, member or not.
final class Company: Model, @unchecked Sendable {
    static let schema = "companies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "legal_name") var legalName: String
    @OptionalField(key: "ridet") var ridet: String?
    @Field(key: "address") var address: String
    @Field(key: "commune") var commune: String
    @Field(key: "website") var website: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Field(key: "description") var about: String
    @Field(key: "headcount") var headcount: Int
    @Field(key: "logo_url") var logoURL: String
    @Field(key: "founding") var founding: Bool
    @Field(key: "public_profile") var publicProfile: Bool
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "search_text") var searchText: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Children(for: \.$company) var memberships: [Membership]

    init() {}

    init(organisationID: UUID, slug: String) {
        self.$organisation.id = organisationID
        self.slug = slug
    }

    /// Copies a validated draft onto the record.
    func apply(_ draft: CompanyDraft) {
        name = draft.name
        legalName = draft.legalName
        ridet = draft.ridet.isEmpty ? nil : draft.ridet
        address = draft.address
        commune = draft.commune
        website = draft.website
        email = draft.email
        phone = draft.phone
        about = draft.description
        headcount = draft.headcountValue
        logoURL = draft.logoURL
        founding = draft.founding
        publicProfile = draft.publicProfile
        searchText = DirectorySearch.searchText(name: name, legalName: legalName, description: about, domains: draft.domains)
    }

    /// The record as a draft, to fill a form.
    var draft: CompanyDraft {
        var d = CompanyDraft()
        d.name = name; d.legalName = legalName; d.ridet = ridet ?? ""; d.address = address
        d.commune = commune; d.website = website; d.email = email; d.phone = phone
        d.description = about; d.headcount = String(headcount); d.logoURL = logoURL
        d.founding = founding; d.publicProfile = publicProfile
        return d
    }

    /// Field values as they appear in the audit log.
    var auditSnapshot: [String: String] {
        ["nom": name, "raison sociale": legalName, "RIDET": ridet ?? "", "adresse": address, "commune": commune,
         "site": website, "e-mail": email, "téléphone": phone, "description": about,
         "effectif": String(headcount), "logo": logoURL, "fondateur": founding ? "oui" : "non",
         "profil public": publicProfile ? "oui" : "non"]
    }
}
