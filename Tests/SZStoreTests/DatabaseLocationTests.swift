import SZStore
import Testing

@Suite("Choosing the database")
struct DatabaseLocationTests {
    @Test("Without DATABASE_URL the SQLite file of the data folder is used")
    func sqliteByDefault() throws {
        #expect(
            try DatabaseLocation(databaseURL: nil, dataFolder: "/data") == .sqliteFile(path: "/data/sessionzero.sqlite")
        )
        #expect(
            try DatabaseLocation(databaseURL: "", dataFolder: "/data") == .sqliteFile(path: "/data/sessionzero.sqlite")
        )
    }

    @Test("A postgres:// URL selects PostgreSQL and its password never shows")
    func postgres() throws {
        let location = try DatabaseLocation(databaseURL: "postgres://app:s3cret@127.0.0.1:5433/sz", dataFolder: "/data")
        #expect(location == .postgres(url: "postgres://app:s3cret@127.0.0.1:5433/sz"))
        #expect(location.description == "PostgreSQL postgres://app:***@127.0.0.1:5433/sz")
        #expect(!location.description.contains("s3cret"))
    }

    @Test("Other URLs are refused with a message that hides the password")
    func refused() {
        #expect {
            try DatabaseLocation(databaseURL: "mysql://app:s3cret@host/db", dataFolder: "/data")
        } throws: { error in
            let message = "\(error)"
            return message.contains("not a postgres:// URL") && message.contains("mysql://app:***@host/db")
                && !message.contains("s3cret")
        }
        #expect(throws: DatabaseLocationError.self) {
            try DatabaseLocation(databaseURL: "postgres:///db", dataFolder: "/data")
        }
    }
}
