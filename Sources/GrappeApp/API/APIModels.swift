import Foundation
import GrappeDomain
import Vapor

/// What the JSON API returns. Field names are stable: clients depend on them.
enum APIModels {
    struct Page<T: Content>: Content {
        let items: [T]
        let page: Int
        let perPage: Int
        let total: Int
    }

    struct MemberItem: Content {
        let id: UUID
        let name: String
        let ridet: String?
        let commune: String
        let headcount: Int
        let founding: Bool
        let category: String?
        let status: String?
        let domains: [String]
        let due: DueRef?
    }

    struct DueRef: Content {
        let id: UUID
        let number: String
        let amount: Int
        let paid: Int
        let balance: Int
    }

    struct MemberDetail: Content {
        let id: UUID
        let name: String
        let legalName: String
        let ridet: String?
        let address: String
        let commune: String
        let website: String
        let email: String
        let phone: String
        let description: String
        let headcount: Int
        let founding: Bool
        let publicProfile: Bool
        let domains: [String]
        let memberships: [MembershipItem]
        let dues: [DueItem]
    }

    struct MembershipItem: Content {
        let year: Int
        let category: String
        let status: String
        let startDate: String
        let endDate: String?
    }

    struct DueItem: Content {
        let id: UUID
        let number: String
        let year: Int
        let companyID: UUID
        let companyName: String
        let category: String
        let amount: Int
        let paid: Int
        let balance: Int
        let dueDate: String
        let paidInFull: Bool
    }

    static func due(_ d: DueSummary) -> DueItem {
        DueItem(id: d.id, number: d.number, year: d.year, companyID: d.companyID, companyName: d.companyName, category: d.category.rawValue,
                amount: d.amount, paid: d.paid, balance: d.balance, dueDate: FrenchDate.iso(d.dueOn), paidInFull: d.isPaid)
    }
}
