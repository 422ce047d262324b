import FluentKit
import FluentPostgresDriver
import FluentSQL
import FluentSQLiteDriver
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// The server's database: opens SQLite or PostgreSQL, runs the migrations, hands out repositories, and closes the
/// connections when the service group shuts down.
public struct Store: Service {
    public let location: DatabaseLocation
    let databases: Databases
    /// SQLite's one connection makes its blocking calls on a thread of its own: a slow fsync then holds up no other
    /// blocking work of the process (nor of the other stores of a test run), and none holds up the database.
    /// PostgreSQL needs no thread.
    private let sqliteThread: NIOThreadPool?
    let logger: Logger
    /// Shared by every room of the server, so that their events are committed together (group commit).
    public let gameEvents: GameEventWriter

    public init(location: DatabaseLocation, logger: Logger) throws(DatabaseLocationError) {
        self.location = location
        self.logger = logger
        switch location {
        case .sqliteFile, .sqliteMemory:
            let thread = NIOThreadPool(numberOfThreads: 1)
            thread.start()
            sqliteThread = thread
            // One event loop gives one SQLite connection: writes queue in order instead of racing for the file lock.
            databases = Databases(threadPool: thread, on: MultiThreadedEventLoopGroup.singleton.next())
            let configuration: SQLiteConfiguration =
                if case .sqliteFile(let path) = location { .file(path) } else { .memory }
            // Every unit of work queues for the one connection, so a request's wait is the work of all the requests
            // before it: the pool's usual 10 s would turn a busy instance (or a busy test run) into refusals.
            databases.use(
                .sqlite(configuration, connectionPoolTimeout: Self.sqliteConnectionWait, sqlLogLevel: .trace),
                as: .sqlite
            )
        case .postgres(let url):
            sqliteThread = nil
            databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
            do {
                databases.use(
                    try .postgres(
                        url: url,
                        maxConnectionsPerEventLoop: Self.postgresConnectionsPerEventLoop,
                        sqlLogLevel: .trace
                    ),
                    as: .psql
                )
            } catch {
                throw DatabaseLocationError(
                    redactedURL: DatabaseLocation.redact(url),
                    problem: "PostgreSQL does not accept it",
                    fix: "use postgres://USER:PASSWORD@HOST:PORT/DATABASE"
                )
            }
        }
        gameEvents = GameEventWriter(database: { [databases, logger] in Self.database(of: databases, logger: logger) })
    }

    static let postgresConnectionsPerEventLoop = 4
    static let sqliteConnectionWait = TimeAmount.seconds(60)

    /// The size of the connection pool: one SQLite connection, or a few PostgreSQL connections per event loop.
    public var maximumConnections: Int {
        switch location {
        case .sqliteFile, .sqliteMemory: 1
        case .postgres: Self.postgresConnectionsPerEventLoop * NIOSingletons.groupLoopCountSuggestion
        }
    }

    /// A database handle for one unit of work.
    var database: any Database {
        Self.database(of: databases, logger: logger)
    }

    private static func database(of databases: Databases, logger: Logger) -> any Database {
        guard let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
            // Only reachable after shutdown, which happens when the service group has stopped every user.
            preconditionFailure("the store was used after it was shut down")
        }
        return database
    }

    public var users: UserRepository { UserRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var apiTokens: APITokenRepository { APITokenRepository(database: database) }
    public var packs: PackRepository { PackRepository(database: database) }
    public var characters: CharacterRepository { CharacterRepository(database: database) }
    public var games: GameRepository { GameRepository(database: database) }
    public var gamePlayers: GamePlayerRepository { GamePlayerRepository(database: database) }
    public var gameLogs: GameLogRepository { GameLogRepository(database: database) }
    public var gameBlobs: GameBlobRepository { GameBlobRepository(database: database) }
    public var gameSessions: GameSessionRepository { GameSessionRepository(database: database) }

    /// Brings the schema up to date. On PostgreSQL an advisory lock makes nodes that start together take turns;
    /// an SQLite file is switched to write-ahead logging first.
    public func migrate() async throws {
        do {
            try await migrateUnderLock()
        } catch {
            throw StoreError.migrationFailed(location: location.description, reason: String(reflecting: error))
        }
    }

    private func migrateUnderLock() async throws {
        switch location {
        case .sqliteFile:
            try await (database as? any SQLDatabase)?.raw("PRAGMA journal_mode=WAL").run()
            try await runMigrations(on: database)
        case .sqliteMemory:
            try await runMigrations(on: database)
        case .postgres:
            try await database.withConnection { connection in
                // The lock is held by this session, so the migrations must run on the same connection.
                guard let sql = connection as? any SQLDatabase else { throw StoreError.notSQL }
                try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLockKey))").run()
                do {
                    try await runMigrations(on: connection)
                } catch {
                    try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
                    throw error
                }
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
            }
        }
    }

    /// The names of the migrations already applied, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await MigrationLog.query(on: database).sort(\.$batch).sort(\.$createdAt).all().map(\.name)
    }

    /// Closes every connection; for commands that use the store without running it as a service.
    public func shutdown() async {
        await databases.shutdownAsync()
        // Only fails if already shut down, which leaves nothing to do.
        try? await sqliteThread?.shutdownGracefully()
    }

    /// Waits for the service group's graceful shutdown, then closes the store.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    // "SZMIGRAT" in ASCII: any constant works as long as every node uses the same one.
    static let migrationLockKey: Int64 = 0x535A_4D49_4752_4154

    private func runMigrations(on database: any Database) async throws {
        let migrations = Migrations()
        migrations.add(AllMigrations.ordered)
        let migrator = Migrator(
            databaseFactory: { _ in database },
            migrations: migrations,
            on: database.eventLoop,
            migrationLogLevel: .info
        )
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }
}
