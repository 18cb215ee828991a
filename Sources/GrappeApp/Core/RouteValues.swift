import Foundation

/// The value each model puts in its routes' addresses: its id, or its slug where the public
/// address is readable (groups, programmes, news). `Site.memberShow.path(company)`.
extension Company: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension Due: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension ClusterEvent: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension Meeting: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension JobOffer: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension CollectPledge: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension MembershipApplication: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension Newsletter: RouteValue { var routeValue: String { id?.uuidString ?? "" } }
extension Group: RouteValue { var routeValue: String { slug } }
extension Programme: RouteValue { var routeValue: String { slug } }
extension NewsPost: RouteValue { var routeValue: String { slug } }
extension CTFEdition: RouteValue { var routeValue: String { String(year) } }
extension CTFChallenge: RouteValue { var routeValue: String { id.map(String.init) ?? "" } }
extension CTFTeam: RouteValue { var routeValue: String { id.map(String.init) ?? "" } }
extension CTFPlayer: RouteValue { var routeValue: String { id.map(String.init) ?? "" } }
