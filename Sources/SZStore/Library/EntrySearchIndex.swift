import FluentKit
import FluentSQL
import Foundation

/// Full-text search over dataset entries: an FTS5 table kept in step by triggers on SQLite, a generated
/// tsvector column with a GIN index on PostgreSQL. An entry's name weighs more than the rest of its text.
/// Queries are reduced to words (letters and digits), each matched as a prefix, all required; nothing a
/// user types reaches the SQL as syntax.
enum EntrySearchIndex {
    static func create(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE pack_entry_search USING fts5(
                    name, search_text, content='pack_entries', tokenize='unicode61 remove_diacritics 2')
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER pack_entries_indexed AFTER INSERT ON pack_entries BEGIN
                    INSERT INTO pack_entry_search(rowid, name, search_text)
                    VALUES (new.rowid, new.name, new.search_text);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER pack_entries_unindexed AFTER DELETE ON pack_entries BEGIN
                    INSERT INTO pack_entry_search(pack_entry_search, rowid, name, search_text)
                    VALUES ('delete', old.rowid, old.name, old.search_text);
                END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                ALTER TABLE pack_entries ADD COLUMN search tsvector
                    GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', search_text), 'D')
                    ) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX pack_entries_search ON pack_entries USING GIN (search)").run()
        }
    }

    static func drop(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS pack_entries_indexed").run()
            try await sql.raw("DROP TRIGGER IF EXISTS pack_entries_unindexed").run()
            try await sql.raw("DROP TABLE IF EXISTS pack_entry_search").run()
        }
    }

    /// The words of a query: at most 8, each at most 64 characters, lowercased.
    static func words(of query: String) -> [String] {
        query.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .prefix(8)
            .map { String($0.prefix(64)) }
    }

    /// Ids of the entries matching every word of `query` (best first), among entries of packs `viewer` may
    /// see, optionally only those of one pack row and dataset.
    static func search(
        _ query: String,
        viewer: UUID?,
        in scope: (packRow: UUID, datasetID: String)?,
        offset: Int,
        limit: Int,
        on database: any Database
    ) async throws -> [UUID] {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let words = words(of: query)
        guard !words.isEmpty else { return [] }
        let isSQLite = sql.dialect.name == "sqlite"
        var text: SQLQueryString =
            isSQLite
            ? """
            SELECT e.id AS id FROM pack_entry_search s
            JOIN pack_entries e ON e.rowid = s.rowid
            JOIN packs p ON p.id = e.pack_row_id
            WHERE pack_entry_search MATCH \(bind: words.map { "\"\($0)\"*" }.joined(separator: " "))
            """
            : """
            SELECT e.id AS id FROM pack_entries e
            JOIN packs p ON p.id = e.pack_row_id
            WHERE e.search @@ to_tsquery('simple', \(bind: words.map { $0 + ":*" }.joined(separator: " & ")))
            """
        if let viewer {
            text = text + " AND (p.visibility = 'public' OR p.owner_id = \(bind: viewer))"
        } else {
            text = text + " AND p.visibility = 'public'"
        }
        if let scope {
            text = text + " AND e.pack_row_id = \(bind: scope.packRow) AND e.dataset_id = \(bind: scope.datasetID)"
        }
        text =
            text
            + (isSQLite
                ? " ORDER BY bm25(pack_entry_search, 10.0, 1.0), e.position"
                : " ORDER BY ts_rank(e.search, to_tsquery('simple', \(bind: words.map { $0 + ":*" }.joined(separator: " & ")))) DESC, e.position")
        text = text + " LIMIT \(bind: limit) OFFSET \(bind: offset)"
        return try await sql.raw(text).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
