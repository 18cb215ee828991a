import Foundation

/// Paths inside an imported archive, or listed by a `challenge.yml`: relative, without `..`,
/// so that nothing can point outside its folder.
public enum ArchivePath {
    /// The path normalised (`./a//b` → `a/b`), or nil when it is absolute, climbs up (`..`),
    /// holds a backslash, a drive letter or a control character.
    public static func clean(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"),
              !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains(".."), !(parts.first?.contains(":") ?? false) else { return nil }
        return parts.joined(separator: "/")
    }

    /// The folder of a path (`a/b/c.yml` → `a/b`; `c.yml` → "").
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder` joined with `relative` ("" joins nothing).
    public static func join(_ folder: String, _ relative: String) -> String {
        folder.isEmpty ? relative : "\(folder)/\(relative)"
    }
}
