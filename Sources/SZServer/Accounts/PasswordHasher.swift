import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks passwords away from the event loop.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

/// bcrypt on NIO's thread pool: cost 12 in production; tests inject a low cost to stay fast.
public struct BcryptPasswordHasher: PasswordHasher {
    public static let productionCost: UInt8 = 12

    public let cost: UInt8

    public init(cost: UInt8 = Self.productionCost) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
