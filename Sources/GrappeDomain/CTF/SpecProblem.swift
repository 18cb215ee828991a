import Foundation

/// What is wrong in an imported challenge, in French: where (the folder of its
/// `challenge.yml`, the field) and why.
public struct SpecProblem: Sendable, Equatable, CustomStringConvertible {
    /// The folder holding the `challenge.yml`, as in the archive ("" for a lone file or the root).
    public let folder: String
    /// The field of `challenge.yml` concerned, when there is one.
    public let field: String?
    public let message: String

    public init(folder: String, field: String? = nil, _ message: String) {
        self.folder = folder
        self.field = field
        self.message = message
    }

    /// `bouteille/challenge.yml`, or `challenge.yml` at the root.
    public var file: String { folder.isEmpty ? "challenge.yml" : "\(folder)/challenge.yml" }

    public var description: String {
        "\(file)\(field.map { ", champ « \($0) »" } ?? "") : \(message)"
    }
}
