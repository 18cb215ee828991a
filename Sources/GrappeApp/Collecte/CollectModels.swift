import Fluent
import Foundation
import GrappeDomain

/// A year's Grande Collecte Numérique, with its goal and aims.
final class CollectCampaign: Model, @unchecked Sendable {
    static let schema = "collect_campaigns"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Field(key: "goal_items") var goalItems: Int
    /// One aim per line.
    @Field(key: "aims") var aims: String
    @Field(key: "starts_on") var startsOn: Date
    @Field(key: "ends_on") var endsOn: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var aimList: [String] { aims.split(separator: "\n").map(String.init) }
}

/// An association that receives refurbished equipment; its people log in to confirm handovers.
final class Charity: Model, @unchecked Sendable {
    static let schema = "charities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "commune") var commune: String
    @Field(key: "email") var email: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    init(organisationID: UUID, name: String, commune: String, email: String) {
        self.$organisation.id = organisationID; self.name = name; self.commune = commune; self.email = email
    }
}

/// A donor's promise of equipment, online or through staff, with the pick-up planned.
final class CollectPledge: Model, @unchecked Sendable {
    static let schema = "collect_pledges"
    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: CollectCampaign
    @OptionalParent(key: "donor_company_id") var donorCompany: Company?
    @Field(key: "donor_name") var donorName: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "pickup_address") var pickupAddress: String
    @OptionalField(key: "pickup_on") var pickupOn: Date?
    @Field(key: "notes") var notes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// One piece of equipment, tracked by tag and serial through the chain.
final class CollectItem: Model, @unchecked Sendable {
    static let schema = "collect_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: CollectCampaign
    @Parent(key: "pledge_id") var pledge: CollectPledge
    @Enum(key: "device_type") var deviceType: DeviceType
    @Field(key: "brand") var brand: String
    @Field(key: "model") var model: String
    @Field(key: "serial") var serial: String
    @Field(key: "tag") var tag: String
    @Enum(key: "state") var state: CollectItemState
    /// Cosmetic grade A, B or C.
    @OptionalField(key: "grade") var grade: String?
    @OptionalField(key: "functional_ok") var functionalOK: Bool?
    @OptionalParent(key: "refurbisher_company_id") var refurbisher: Company?
    @OptionalParent(key: "charity_id") var charity: Charity?
    @OptionalField(key: "collected_at") var collectedAt: Date?
    @OptionalField(key: "handed_over_at") var handedOverAt: Date?
    @Field(key: "state_changed_at") var stateChangedAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A move of an item from one state to another: when, by whom.
final class CollectMove: Model, @unchecked Sendable {
    static let schema = "collect_moves"
    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: CollectItem
    @Enum(key: "from_state") var from: CollectItemState
    @Enum(key: "to_state") var to: CollectItemState
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "note") var note: String
    @Field(key: "at") var at: Date
    init() {}
    init(itemID: UUID, from: CollectItemState, to: CollectItemState, userID: UUID?, note: String, at: Date = Date()) {
        self.$item.id = itemID; self.from = from; self.to = to; self.$user.id = userID; self.note = note; self.at = at
    }
}

/// The NIST SP 800-88 record of one storage device's sanitisation.
final class ErasureRecord: Model, @unchecked Sendable {
    static let schema = "erasure_records"
    @ID(key: .id) var id: UUID?
    @Parent(key: "item_id") var item: CollectItem
    @Enum(key: "media_type") var mediaType: StorageMedia
    @Field(key: "media_serial") var mediaSerial: String
    @Enum(key: "level") var level: ErasureLevel
    @Enum(key: "method") var method: ErasureMethod
    @Field(key: "tool") var tool: String
    @Enum(key: "verification") var verification: VerificationMethod
    @Field(key: "operator_name") var operatorName: String
    @Field(key: "erased_on") var erasedOn: Date
    @OptionalParent(key: "user_id") var user: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}
