public import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
public import Logging
import NIOCore
import NIOSSL
public import SZCore
public import SZStore
public import SZTabletop

/// Everything the server is built from; tests pass a fast password hasher, a fixed clock and tight limits.
public struct ServerEnvironment: Sendable {
    public var settings: ServerSettings
    public var plan: LaunchPlan
    public var store: Store
    /// Uploaded images (and later other files), under the data folder's `blobs/`.
    public var blobs: BlobStore
    /// The rooms of the games being played; a service that snapshots them.
    public let games: GameRegistry
    /// The figures `/metrics` shows, gathered by the HTTP middleware and the game sockets.
    public let metrics: ServerMetrics
    public var hasher: any PasswordHasher
    public var rateLimits: LoginRateLimiter.Limits
    public var now: @Sendable () -> Date
    /// The clock the daily clean-up waits on, and the zone of `cleanup.daytime`.
    public var cleanupClock: any CleanupClock
    public var timeZone: TimeZone
    /// The word lists of game slugs; nil for the shipped ones.
    public var fancyURLs: FancyURLGenerator?

    public init(
        settings: ServerSettings,
        plan: LaunchPlan,
        store: Store,
        blobs: BlobStore,
        hasher: any PasswordHasher = BcryptPasswordHasher(),
        rateLimits: LoginRateLimiter.Limits = .standard,
        rooms: RoomConfiguration = RoomConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() },
        cleanupClock: any CleanupClock = SystemCleanupClock(),
        timeZone: TimeZone = .current,
        fancyURLs: FancyURLGenerator? = nil
    ) {
        self.settings = settings
        self.plan = plan
        self.store = store
        self.blobs = blobs
        games = GameRegistry(store: store, configuration: rooms)
        metrics = ServerMetrics(startTime: now())
        self.hasher = hasher
        self.rateLimits = rateLimits
        self.now = now
        self.cleanupClock = cleanupClock
        self.timeZone = timeZone
        self.fancyURLs = fancyURLs
    }
}

extension ServerEnvironment {
    /// The daily clean-up's time, shared by the clean-up service and the expiry dates the games API shows.
    var cleanupSchedule: CleanupSchedule {
        CleanupSchedule(daytime: settings.cleanup.daytime, timeZone: timeZone)
    }

    var expiryForecast: ExpiryForecast {
        ExpiryForecast(expire: settings.expire, schedule: cleanupSchedule)
    }
}

/// The routes of the API with the list of what was registered (for the OpenAPI test).
public func buildRouter(
    _ environment: ServerEnvironment
) async throws -> (router: Router<AppRequestContext>, routes: [APIRoute]) {
    let accounts = try await AccountService(
        store: environment.store,
        hasher: environment.hasher,
        loginType: environment.plan.loginType,
        limiter: LoginRateLimiter(limits: environment.rateLimits, now: environment.now),
        now: environment.now
    )
    let cookies = SessionCookies(alwaysSecure: environment.plan.secureCookies)
    let metrics = environment.metrics
    let router = Router(context: AppRequestContext.self)
    router.add(
        middleware: RequestIdentityMiddleware(proxyTrust: ProxyTrust(trustsProxy: environment.settings.hosting.reverse))
    )
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    // Before AuthMiddleware: the client's files are the same for everyone, so they cost no session lookup.
    ClientController(catalog: try ClientAssetCatalog.bundled()).register(on: router)
    router.add(
        middleware: AuthMiddleware(
            accounts: accounts,
            cookies: cookies,
            publicOrigin: origin(of: environment.plan.publicURL)
        )
    )
    router.add(middleware: ETagMiddleware())
    let routes = APIRoutes(router: router)
    HealthController(store: environment.store).register(on: routes)
    AuthController(accounts: accounts, cookies: cookies).register(on: routes)
    MeController(accounts: accounts).register(on: routes)
    AdminController(store: environment.store, now: environment.now).register(on: routes)
    OperationsController(store: environment.store, metrics: metrics).register(on: routes)
    OpenAPIController(document: try OpenAPIController.loadDocument()).register(on: routes)
    let games = GameService(environment)
    let media = GameMedia(store: environment.store, blobs: environment.blobs)
    GamesController(games: games, media: media).register(on: routes)
    let packs = PackLibrary(store: environment.store, blobs: environment.blobs)
    let sheets = GameSessionSheets(
        store: environment.store,
        checker: InstanceChecker(store: environment.store, packs: packs),
        writer: SessionSheetWriter()
    )
    GameTransferController(games: games, media: media, sheets: sheets, limits: environment.settings.fileLimit)
        .register(on: routes)
    MusicController(games: games, blobs: environment.blobs, limits: environment.settings.fileLimit).register(
        on: routes
    )
    ImagesController(games: games, blobs: environment.blobs, limits: environment.settings.fileLimit).register(
        on: routes
    )
    ImageReuseController(games: games, media: media).register(on: routes)
    PacksController(
        library: packs,
        store: environment.store,
        blobs: environment.blobs,
        limits: environment.settings.fileLimit,
        now: environment.now
    ).register(on: routes)
    CharactersController(
        characters: CharacterLibrary(store: environment.store, packs: packs),
        now: environment.now
    ).register(on: routes)
    return (router, routes.routes)
}

/// The whole server: the router, the store as a service (closed after the HTTP server has drained), migrations
/// before the first request, and direct TLS when `tls` is given.
public func buildApplication(
    _ environment: ServerEnvironment,
    tls: (certificate: String, privateKey: String)?,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let (router, _) = try await buildRouter(environment)
    let address: BindAddress =
        switch environment.plan.listen {
        case .tcp(let host, let port): .hostname(host, port: port)
        case .unixSocket(let path): .unixDomainSocket(path: path)
        }
    let server: HTTPServerBuilder
    if let tls {
        let configuration: TLSConfiguration
        do {
            configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(tls.certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: tls.privateKey, format: .pem))
            )
        } catch {
            throw DataFolderError(
                "cannot use \(tls.certificate) and \(tls.privateKey) for TLS (\(error)); "
                    + "they must be PEM files: the certificate chain and its private key"
            )
        }
        server = try .tls(webSocketServer(environment), tlsConfiguration: configuration)
    } else {
        server = webSocketServer(environment)
    }
    let plan = environment.plan
    var app = Application(
        router: router,
        server: server,
        configuration: .init(address: address, serverName: "SessionZero"),
        onServerRunning: { channel in
            var bound = plan.listen
            if let address = channel.localAddress, let ip = address.ipAddress, let port = address.port {
                bound = .tcp(host: ip, port: port)
            }
            logger.info(
                "SessionZero is listening on \(bound); open \(plan.publicURL(boundPort: channel.localAddress?.port))/"
            )
        },
        logger: logger
    )
    app.addServices(
        environment.store,
        CleanupService(
            cleanup: Cleanup(
                store: environment.store,
                blobs: environment.blobs,
                expire: environment.settings.expire,
                logger: logger
            ),
            schedule: environment.cleanupSchedule,
            clock: environment.cleanupClock,
            logger: logger
        )
    )
    app.addServices(environment.games)
    let store = environment.store
    app.beforeServerStarts {
        try await store.migrate()
    }
    return app
}

/// A URL's origin as browsers send it in `Origin` (RFC 6454): `scheme://host[:port]` in lower case, an
/// internationalized host in its ASCII (Punycode) form, and no port when it is the scheme's default.
func origin(of url: String) -> String {
    guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
        let host = components.encodedHost?.lowercased()
    else { return url }
    guard let port = components.port, port != ["http": 80, "https": 443][scheme] else { return "\(scheme)://\(host)" }
    return "\(scheme)://\(host):\(port)"
}
