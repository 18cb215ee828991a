import Foundation
import GrappeDomain

/// The candidate pool's section of Hackagou players who chose to share their profile, drawn
/// without a database: who they are, their school or company, their edition and what they
/// solved — the vocation signal.
enum PoolPlayersView {
    static func section(_ players: [CTFProfileSharing.Line]) -> HTML {
        let rows = players.map { p -> HTML in
            """
            <tr><td>\(p.pseudonym)</td><td>\(p.fullName)</td><td><a href="mailto:\(p.email)">\(p.email)</a></td><td class="num">\(p.birthYear)</td>
            <td>\(p.affiliation.isEmpty ? "—" : p.affiliation)</td><td>Hackagou \(p.year)</td><td class="num">\(p.solves)</td>
            <td>\(p.categories.isEmpty ? "—" : p.categories.joined(separator: ", "))</td><td>\(FrenchDate.short(p.sharedUntil))</td></tr>
            """
        }
        return """
        <section id="joueurs"><h2>Joueurs de Hackagou</h2>
        <p>Des participants au CTF qui ont choisi de partager leur profil avec les entreprises adhérentes, pour 24 mois à compter de leur inscription.</p>
        \(players.isEmpty ? UI.emptyState("Aucun joueur ne partage son profil pour le moment.") : HTML("""
        <table class="list"><thead><tr><th>Pseudonyme</th><th>Nom</th><th>E-mail</th><th class="num">Né(e) en</th><th>École ou entreprise</th>
        <th>Édition</th><th class="num">Défis résolus</th><th>Catégories</th><th>Partagé jusqu'au</th></tr></thead><tbody>\(rows)</tbody></table>
        """))
        </section>
        """
    }
}
