import Fluent
import Foundation
import GrappeDomain
@testable import GrappeApp

/// Campaigns, pledges and items in memory for the Collecte view tests: no database.
enum CollecteViewFixtures {
    static func campaign(year: Int = 2026) -> CollectCampaign {
        let c = CollectCampaign()
        c.id = UUID()
        c.$organisation.id = UUID()
        c.year = year
        c.name = "Collecte <Numérique>"
        c.goalItems = 500
        c.aims = "Réduire l'empreinte\nFavoriser l'inclusion"
        c.startsOn = FrenchDate.make(year, 3, 1)
        c.endsOn = FrenchDate.make(year, 11, 30)
        return c
    }

    static func pledge(_ c: CollectCampaign, donor: String = "Skazy <SARL>") -> CollectPledge {
        let p = CollectPledge()
        p.id = UUID()
        p.$campaign.id = c.id!
        p.$campaign.value = c
        p.donorName = donor
        p.contactName = "Léa Wamytan"
        p.contactEmail = "lea@skazy.example"
        p.pickupAddress = "12 rue Jean Jaurès, Nouméa"
        p.notes = ""
        return p
    }

    /// An item of `p`, its relations loaded (none assigned unless given).
    static func item(_ p: CollectPledge, tag: String, type: DeviceType = .laptop, state: CollectItemState = .pledged,
                     refurbisher: Company? = nil, charity: Charity? = nil) -> CollectItem {
        let i = CollectItem()
        i.id = UUID()
        i.$campaign.id = p.$campaign.id
        i.$campaign.value = p.campaign
        i.$pledge.id = p.id!
        i.$pledge.value = p
        i.deviceType = type
        i.brand = "Dell"
        i.model = "Latitude 5490"
        i.serial = "SN-\(tag)"
        i.tag = tag
        i.state = state
        i.$refurbisher.id = refurbisher?.id
        i.$refurbisher.value = .some(refurbisher)
        i.$charity.id = charity?.id
        i.$charity.value = .some(charity)
        i.stateChangedAt = FrenchDate.make(2026, 6, 1)
        return i
    }

    static func company(_ name: String) -> Company {
        let c = Company()
        c.id = UUID()
        c.name = name
        c.slug = "reconditionneur"
        return c
    }

    static func charity(_ name: String) -> Charity {
        let c = Charity(organisationID: UUID(), name: name, commune: "Koné", email: "contact@asso.example")
        c.id = UUID()
        return c
    }

    static let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"t\">"
}
