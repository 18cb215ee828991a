import Fluent
import SQLKit

extension Database {
    /// This database as SQLKit sees it, for the queries aggregated in SQL. Both drivers (and
    /// `WatchedDatabase` around them) are SQL databases.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { fatalError("Grappe needs an SQL database") }
        return sql
    }
}
