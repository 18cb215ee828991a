import Foundation
import GrappeDomain

extension Due {
    /// The structured payment reference of this due, with the cluster's prefix.
    func paymentReference(_ org: OrganisationProfile) -> PaymentReference? {
        DueNumber(number).map { PaymentReference(prefix: org.name, number: $0) }
    }
}
