/// The key given to something staff create by its title (an action of the catalogue, a local
/// question): the title's slug, made unique among `taken` (a number added), short enough to stay a valid key, never changed
/// afterwards (plans, overrides and answers refer to it).
public enum CatalogueKey {
    public static let maximumLength = 50

    public static func make(from title: String, taken: Set<String>) -> String {
        var base = String(TextFolding.slug(title).prefix(maximumLength))
        while base.hasSuffix("-") { base.removeLast() }
        return TextFolding.freeSlug(base, taken: taken)
    }
}
