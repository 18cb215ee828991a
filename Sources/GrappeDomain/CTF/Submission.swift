import Foundation

/// What a player typed as a flag, checked before it is compared with anything.
public enum Submission {
    public static let maxLength = 256

    public enum Problem: Error, Equatable, Sendable {
        case empty, tooLong, controlCharacters

        /// The message shown in the UI.
        public var french: String {
            switch self {
            case .empty: "Saisissez un flag."
            case .tooLong: "Un flag fait au plus \(Submission.maxLength) caractères."
            case .controlCharacters: "Le flag contient des caractères de contrôle."
            }
        }

        /// The message of the CTFd-compatible API.
        public var english: String {
            switch self {
            case .empty: "Submission is empty"
            case .tooLong: "Submission is longer than \(Submission.maxLength) characters"
            case .controlCharacters: "Submission contains control characters"
            }
        }
    }

    /// The submission without surrounding spaces (as CTFd strips it), or why it is refused.
    public static func clean(_ raw: String) -> Result<String, Problem> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(.empty) }
        if text.unicodeScalars.count > maxLength { return .failure(.tooLong) }
        if FieldCheck.hasControlCharacters(text) { return .failure(.controlCharacters) }
        return .success(text)
    }
}
